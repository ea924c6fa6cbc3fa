package org.exhibit.metadata.email;

import jakarta.mail.Address;
import jakarta.mail.Header;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.SharedFileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.exhibit.format.record.EmailHeaders;

/**
 * Parses {@code .eml} messages (RFC 5322 / MIME) with Jakarta Mail and writes their attachments out as files.
 * The file is read through a shared stream, so large attachments are never held in memory. Malformed
 * messages give warnings and whatever could be read; only an unreadable file throws.
 *
 * <pre>{@code
 * Email mail = new EmailParser().parse(Path.of("threat.eml"), Path.of("attachments"));
 * mail.originatingIp();                 // "203.0.113.7"
 * mail.hops().get(0).by();              // "smtp.gmail.com"
 * mail.attachments().get(0).file();     // attachments/1-photo.png
 * }</pre>
 */
public final class EmailParser {
    private final Session session;

    public EmailParser() {
        Properties p = new Properties();
        p.setProperty("mail.mime.address.strict", "false");
        p.setProperty("mail.mime.decodetext.strict", "false");
        p.setProperty("mail.mime.multipart.ignoremissingendboundary", "true");
        this.session = Session.getInstance(p);
    }

    /**
     * Parses one message file, writing attachments into {@code attachmentDir} (created when needed); with a
     * null folder only the headers are read and no attachment is written.
     */
    public Email parse(Path eml, Path attachmentDir) throws IOException {
        try (SharedFileInputStream in = new SharedFileInputStream(eml.toFile())) {
            return parse(in, attachmentDir, "");
        }
    }

    Email parse(InputStream in, Path attachmentDir, String prefix) {
        List<String> warnings = new ArrayList<>();
        MimeMessage msg;
        try {
            msg = new MimeMessage(session, in);
        } catch (MessagingException e) {
            warnings.add("not a readable email: " + e.getMessage());
            return new Email(List.of(), List.of(), List.of(), null, null, null, List.of(), null, List.of(), null,
                    List.of(), List.of(), warnings);
        }
        List<String> from = addresses(msg, "From", warnings);
        List<String> to = addresses(msg, "To", warnings);
        List<String> cc = addresses(msg, "Cc", warnings);
        String subject = header(msg, "Subject", warnings);
        String dateHeader = header(msg, "Date", warnings);
        Instant date = dateHeader == null ? null : ReceivedParser.date(dateHeader);
        if (dateHeader != null && date == null) {
            warnings.add("Date header is not an RFC 5322 date: " + dateHeader);
        }
        if (from.isEmpty()) {
            warnings.add("no From header");
        }
        String messageId = header(msg, "Message-ID", warnings);
        List<Hop> hops = hops(msg, warnings);
        String origin = hops.stream().map(Hop::fromIp).filter(IpAddresses::isExternal).findFirst().orElse(null);
        List<String> replyTo = bareAddresses(msg, "Reply-To", warnings);
        List<String> returnPath = bareAddresses(msg, "Return-Path", warnings);
        List<EmailHeaders.Header> authentication = authentication(msg);
        List<Attachment> attachments = attachmentDir == null ? List.of()
                : new AttachmentWriter(attachmentDir, prefix, warnings).write(msg);
        return new Email(from, to, cc, subject, date, messageId, hops, origin, replyTo,
                returnPath.isEmpty() ? null : returnPath.get(0), authentication, attachments, warnings);
    }

    private static List<Hop> hops(MimeMessage msg, List<String> warnings) {
        List<Hop> hops = new ArrayList<>();
        try {
            String[] received = msg.getHeader("Received");
            if (received != null) {
                for (String r : received) {
                    Hop hop = ReceivedParser.parse(MimeUtility.unfold(r));
                    if (hop.date() == null) {
                        warnings.add("Received header without a readable date: " + hop.raw());
                    }
                    hops.add(hop);
                }
            }
        } catch (MessagingException e) {
            warnings.add("Received headers unreadable: " + e.getMessage());
        }
        Collections.reverse(hops); // headers are prepended by each server: the last one is the first hop
        return hops;
    }

    /** The authentication headers receiving servers add, in the order found (top-most first), unfolded. */
    private static List<EmailHeaders.Header> authentication(MimeMessage msg) {
        List<EmailHeaders.Header> out = new ArrayList<>();
        try {
            for (Header h : Collections.list(msg.getAllHeaders())) {
                String name = h.getName().toLowerCase(Locale.ROOT);
                if (name.equals("authentication-results") || name.equals("dkim-signature") || name.startsWith("arc-")) {
                    out.add(new EmailHeaders.Header(h.getName(),
                            MimeUtility.unfold(h.getValue()).replaceAll("\\s+", " ").strip()));
                }
            }
        } catch (MessagingException e) {
            // the headers were read once already; nothing more to report
        }
        return out;
    }

    /** The addresses of a header, address part only, lower-cased; unparseable ones left out. */
    private static List<String> bareAddresses(MimeMessage msg, String name, List<String> warnings) {
        List<String> out = new ArrayList<>();
        try {
            String[] v = msg.getHeader(name);
            if (v == null) {
                return out;
            }
            for (InternetAddress a : InternetAddress.parseHeader(MimeUtility.unfold(String.join(",", v)), false)) {
                if (a.getAddress() != null && !a.getAddress().isBlank()) {
                    out.add(a.getAddress().strip().toLowerCase(Locale.ROOT));
                }
            }
        } catch (MessagingException e) {
            warnings.add(name + " header is not a valid address list: " + e.getMessage());
        }
        return out;
    }

    private static String header(MimeMessage msg, String name, List<String> warnings) {
        try {
            String v = msg.getHeader(name, null);
            if (v == null) {
                return null;
            }
            return MimeUtility.decodeText(MimeUtility.unfold(v)).strip();
        } catch (MessagingException | IOException e) {
            warnings.add(name + " header unreadable: " + e.getMessage());
            return null;
        }
    }

    private static List<String> addresses(Message msg, String name, List<String> warnings) {
        List<String> out = new ArrayList<>();
        try {
            String v = msg.getHeader(name) == null ? null : String.join(",", msg.getHeader(name));
            if (v == null) {
                return out;
            }
            try {
                for (Address a : InternetAddress.parseHeader(MimeUtility.unfold(v), false)) {
                    out.add(a instanceof InternetAddress ia ? display(ia) : a.toString());
                }
            } catch (AddressException e) {
                warnings.add(name + " header is not a valid address list: " + v.strip());
                out.add(MimeUtility.decodeText(MimeUtility.unfold(v)).strip());
            }
        } catch (MessagingException | IOException e) {
            warnings.add(name + " header unreadable: " + e.getMessage());
        }
        return out;
    }

    /** "Name <address>" with the name decoded and unquoted, or the bare address. */
    private static String display(InternetAddress a) {
        String personal = a.getPersonal();
        return personal == null || personal.isBlank() ? a.getAddress() : personal.strip() + " <" + a.getAddress() + ">";
    }

    /** Whether a part is an attachment rather than the message text. */
    static boolean isAttachment(Part p) throws MessagingException {
        String disposition = p.getDisposition();
        if (Part.ATTACHMENT.equalsIgnoreCase(disposition) || p.getFileName() != null) {
            return true;
        }
        return !p.isMimeType("text/*") && !p.isMimeType("multipart/*");
    }

    static Multipart multipart(Part p) throws MessagingException, IOException {
        return p.isMimeType("multipart/*") && p.getContent() instanceof Multipart m ? m : null;
    }

    static void ensureDir(Path dir) throws IOException {
        Files.createDirectories(dir);
    }
}
