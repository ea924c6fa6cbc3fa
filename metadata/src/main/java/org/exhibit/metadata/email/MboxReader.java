package org.exhibit.metadata.email;

import jakarta.mail.util.SharedFileInputStream;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits an mbox file at its {@code From } separator lines (a line starting "From " at the start of the file
 * or after an empty line) and parses each message in place, without copying it. Body lines quoted the mboxrd
 * way ({@code >From }, {@code >>From } ...) lose one {@code >}, as the writer of the mbox added it (such a
 * message is parsed from an unquoted temporary copy). Attachments of message i are written as
 * {@code <i>-<n>-<name>}.
 *
 * <pre>{@code
 * List<Email> mails = new MboxReader().read(Path.of("export.mbox"), Path.of("attachments"));
 * }</pre>
 */
public final class MboxReader {
    private final EmailParser parser = new EmailParser();

    public List<Email> read(Path mbox, Path attachmentDir) throws IOException {
        List<long[]> spans = spans(mbox);
        List<Email> out = new ArrayList<>();
        try (SharedFileInputStream in = new SharedFileInputStream(mbox.toFile())) {
            for (int i = 0; i < spans.size(); i++) {
                long[] s = spans.get(i);
                String prefix = (i + 1) + "-";
                if (s[2] == 0) {
                    try (InputStream one = in.newStream(s[0], s[1])) {
                        out.add(parser.parse(one, attachmentDir, prefix));
                    }
                } else {
                    out.add(parseUnquoted(in, s, attachmentDir, prefix));
                }
            }
        }
        return out;
    }

    /**
     * A message with quoted "From " lines, parsed from an unquoted copy in a temporary file (deleted after):
     * the copy keeps memory bounded where a filtering stream would make Jakarta Mail buffer the message.
     */
    private Email parseUnquoted(SharedFileInputStream in, long[] span, Path attachmentDir, String prefix)
            throws IOException {
        Path copy = Files.createTempFile("exhibit-mbox-", ".eml");
        try {
            try (InputStream one = new BufferedInputStream(in.newStream(span[0], span[1]), 1 << 16);
                 OutputStream o = new BufferedOutputStream(Files.newOutputStream(copy), 1 << 16)) {
                FromQuoting.unquote(one, o);
            }
            try (SharedFileInputStream message = new SharedFileInputStream(copy.toFile())) {
                return parser.parse(message, attachmentDir, prefix);
            }
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    /**
     * [start of headers, end, 1 if it has quoted "From " lines else 0] of each message; the separator line
     * itself is left out.
     */
    static List<long[]> spans(Path mbox) throws IOException {
        List<long[]> spans = new ArrayList<>();
        long pos = 0;
        long bodyStart = -1;
        boolean previousBlank = true;
        boolean quoted = false;
        FromQuoting.Line line = new FromQuoting.Line();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(mbox), 1 << 16)) {
            byte[] head = new byte[5];
            while (true) {
                long lineStart = pos;
                int filled = 0;
                int c;
                int length = 0;
                boolean eof = false;
                line.reset();
                while ((c = in.read()) >= 0) {
                    pos++;
                    if (c == '\n') {
                        break;
                    }
                    line.next(c);
                    if (filled < 5) {
                        head[filled++] = (byte) c;
                    }
                    if (c != '\r') {
                        length++;
                    }
                }
                if (c < 0) {
                    eof = true;
                }
                boolean separator = previousBlank && filled == 5 && new String(head, 0, 5,
                        java.nio.charset.StandardCharsets.ISO_8859_1).equals("From ");
                if (separator) {
                    if (bodyStart >= 0) {
                        spans.add(new long[] {bodyStart, lineStart, quoted ? 1 : 0});
                    }
                    bodyStart = pos;
                    quoted = false;
                } else {
                    quoted |= line.quotedFrom();
                }
                previousBlank = length == 0;
                if (eof) {
                    break;
                }
            }
        }
        if (bodyStart >= 0 && bodyStart < pos) {
            spans.add(new long[] {bodyStart, pos, quoted ? 1 : 0});
        }
        return spans;
    }
}
