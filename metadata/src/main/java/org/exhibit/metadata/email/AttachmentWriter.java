package org.exhibit.metadata.email;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Walks a message's MIME tree and writes each attachment, decoded, to its own file. */
final class AttachmentWriter {
    private final Path dir;
    private final String prefix;
    private final List<String> warnings;
    private final List<Attachment> out = new ArrayList<>();

    AttachmentWriter(Path dir, String prefix, List<String> warnings) {
        this.dir = dir;
        this.prefix = prefix;
        this.warnings = warnings;
    }

    List<Attachment> write(Part message) {
        walk(message, 0);
        return out;
    }

    private void walk(Part part, int depth) {
        try {
            Multipart mp = EmailParser.multipart(part);
            if (mp != null && depth < 20) {
                for (int i = 0; i < mp.getCount(); i++) {
                    walk(mp.getBodyPart(i), depth + 1);
                }
            } else if (depth > 0 && EmailParser.isAttachment(part)) {
                save(part);
            }
        } catch (MessagingException | IOException | RuntimeException e) {
            warnings.add("MIME structure unreadable at depth " + depth + ": " + e.getMessage());
        }
    }

    private void save(Part part) throws MessagingException {
        int n = out.size() + 1;
        String declared = decode(part.getFileName());
        String type = part.getContentType() == null ? "application/octet-stream"
                : part.getContentType().split(";")[0].strip().toLowerCase(Locale.ROOT);
        String name = declared == null || declared.isBlank()
                ? "attachment-" + n + (type.equals("message/rfc822") ? ".eml" : ".bin") : declared;
        Path file = dir.resolve(prefix + n + "-" + safe(name));
        try {
            EmailParser.ensureDir(dir);
            try (InputStream in = part.getInputStream()) {
                long size = Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                out.add(new Attachment(name, type, file, size));
            }
        } catch (IOException e) {
            warnings.add("attachment " + n + " (" + name + ") could not be decoded: " + e.getMessage());
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // nothing more to do: the warning names the attachment
            }
        }
    }

    /** Decodes RFC 2047 words in a file name, which many mailers use although RFC 2231 is the standard. */
    private static String decode(String name) {
        if (name == null || !name.contains("=?")) {
            return name;
        }
        try {
            return jakarta.mail.internet.MimeUtility.decodeText(name);
        } catch (java.io.UnsupportedEncodingException e) {
            return name;
        }
    }

    /** A name safe on any file system: no separators, no leading dots, no control characters, 100 chars. */
    static String safe(String name) {
        String s = name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").replaceAll("^[.\\s]+", "").strip();
        if (s.isEmpty()) {
            s = "attachment";
        }
        return s.length() > 100 ? s.substring(s.length() - 100) : s;
    }
}
