package org.exhibit.metadata.email;

import jakarta.mail.BodyPart;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.SharedFileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

/**
 * The readable text of e-mails, for search: the address, subject and route headers, then the text of the body
 * (plain text parts, and HTML parts with their tags removed). Attachments are not read.
 *
 * <pre>{@code
 * List<String> texts = EmailText.read(Path.of("export.mbox"), true);   // one text per message
 * }</pre>
 */
public final class EmailText {
    private static final Set<String> HEADERS = Set.of("from", "to", "cc", "reply-to", "return-path", "subject",
            "date", "received", "message-id");
    private static final int MAX_CHARS = 1 << 20;

    private EmailText() {
    }

    /** One text per message: the file's one message, or each message of an mbox. Unreadable parts are skipped. */
    public static List<String> read(Path file, boolean mbox) throws IOException {
        Session session = Session.getInstance(new Properties());
        List<String> out = new ArrayList<>();
        try (SharedFileInputStream in = new SharedFileInputStream(file.toFile())) {
            if (!mbox) {
                out.add(text(session, in));
            } else {
                for (long[] s : MboxReader.spans(file)) {
                    try (InputStream one = in.newStream(s[0], s[1])) {
                        out.add(text(session, one));
                    }
                }
            }
        }
        return out;
    }

    private static String text(Session session, InputStream in) {
        StringBuilder b = new StringBuilder();
        try {
            MimeMessage msg = new MimeMessage(session, in);
            for (Header h : Collections.list(msg.getAllHeaders())) {
                if (HEADERS.contains(h.getName().toLowerCase(Locale.ROOT))) {
                    String v = MimeUtility.unfold(h.getValue());
                    try {
                        v = MimeUtility.decodeText(v);
                    } catch (IOException e) {
                        // keep it encoded
                    }
                    b.append(h.getName()).append(": ").append(v.replaceAll("\\s+", " ").strip()).append('\n');
                }
            }
            b.append('\n');
            body(msg, b);
        } catch (MessagingException | IOException | RuntimeException e) {
            b.append("(the message could not be read whole: ").append(e.getMessage()).append(")\n");
        }
        return b.length() > MAX_CHARS ? b.substring(0, MAX_CHARS) : b.toString();
    }

    private static void body(Part p, StringBuilder b) throws MessagingException, IOException {
        if (b.length() > MAX_CHARS) {
            return;
        }
        if (p.isMimeType("multipart/*") && p.getContent() instanceof Multipart m) {
            for (int i = 0; i < m.getCount(); i++) {
                BodyPart part = m.getBodyPart(i);
                if (!Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                    body(part, b);
                }
            }
        } else if (p.isMimeType("text/plain") && p.getContent() instanceof String s) {
            b.append(s).append('\n');
        } else if (p.isMimeType("text/html") && p.getContent() instanceof String s) {
            b.append(s.replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", " ").replaceAll("<[^>]+>", " ")
                    .replace("&nbsp;", " ").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
                    .replaceAll("[ \\t]+", " ")).append('\n');
        }
    }
}
