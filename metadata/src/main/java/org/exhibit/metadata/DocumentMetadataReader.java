package org.exhibit.metadata;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.tika.metadata.Metadata;
import org.exhibit.metadata.email.Email;
import org.exhibit.metadata.email.EmailParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.pdf.PDFParser;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Document metadata: for PDF what Tika extracts (author, dates, producer ...), for email the headers and the
 * originating IP. Only PDF is given to Tika: it is the document type evidence most often arrives as, and its
 * parser (PDFBox) is already part of Exhibit. Parsing stops when the body starts, so the text of a long
 * document is never extracted.
 */
final class DocumentMetadataReader {
    /** Tika keys worth keeping, and the name each gets in the record. */
    private static final Map<String, String> KEYS = keys();

    private DocumentMetadataReader() {
    }

    /** Whether there is a parser for this media type. */
    static boolean handles(String mediaType) {
        return "application/pdf".equals(mediaType) || "message/rfc822".equals(mediaType);
    }

    /** The metadata, or null when there is none; problems are added to {@code warnings}. */
    static Map<String, String> read(Path file, String mediaType, List<String> warnings) {
        if (!handles(mediaType)) {
            return null;
        }
        if ("message/rfc822".equals(mediaType)) {
            return email(email(file, warnings));
        }
        Parser parser = new PDFParser();
        Metadata md = new Metadata();
        try (InputStream in = Files.newInputStream(file)) {
            parser.parse(in, new StopAtBody(), md, new ParseContext());
        } catch (Exception e) {
            if (!StopAtBody.reached(e)) {
                warnings.add("document metadata: " + (e.getMessage() == null ? e.getClass().getSimpleName()
                        : e.getMessage().lines().findFirst().orElse("")));
            }
        } catch (StackOverflowError | OutOfMemoryError e) {
            warnings.add("document metadata: the document is too deeply nested or too large to parse");
        }
        Map<String, String> out = new LinkedHashMap<>();
        KEYS.forEach((tika, ours) -> {
            String v = md.get(tika);
            if (v != null && !v.isBlank() && !out.containsKey(ours)) {
                out.put(ours, v.trim());
            }
        });
        return out.isEmpty() ? null : out;
    }

    /** An email's headers parsed (its attachments not written), or null when the file cannot be read. */
    static Email email(Path file, List<String> warnings) {
        try {
            Email mail = new EmailParser().parse(file, null);
            mail.warnings().forEach(w -> warnings.add("email: " + w));
            return mail;
        } catch (IOException e) {
            warnings.add("email headers: " + e.getMessage());
            return null;
        }
    }

    /** An email's headers: who, when, the Message-ID, and the originating IP the Received chain shows. */
    static Map<String, String> email(Email mail) {
        if (mail == null) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        putIf(out, "from", String.join(", ", mail.from()));
        putIf(out, "to", String.join(", ", mail.to()));
        putIf(out, "cc", String.join(", ", mail.cc()));
        putIf(out, "subject", mail.subject());
        putIf(out, "date", mail.date() == null ? null : mail.date().toString());
        putIf(out, "messageId", mail.messageId());
        putIf(out, "originatingIp", mail.originatingIp());
        putIf(out, "hops", mail.hops().isEmpty() ? null : String.valueOf(mail.hops().size()));
        return out.isEmpty() ? null : out;
    }

    private static void putIf(Map<String, String> m, String k, String v) {
        if (v != null && !v.isBlank()) {
            m.put(k, v);
        }
    }

    private static Map<String, String> keys() {
        Map<String, String> k = new LinkedHashMap<>();
        k.put("dc:title", "title");
        k.put("dc:creator", "author");
        k.put("dcterms:created", "created");
        k.put("dcterms:modified", "modified");
        k.put("pdf:producer", "producer");
        k.put("xmp:CreatorTool", "creatorTool");
        k.put("pdf:PDFVersion", "pdfVersion");
        k.put("xmpTPg:NPages", "pages");
        k.put("pdf:encrypted", "encrypted");
        return k;
    }

    /** Ends the parse once metadata is gathered and the body begins. */
    private static final class StopAtBody extends DefaultHandler {
        static final class Reached extends SAXException {
            Reached() {
                super("body reached");
            }
        }

        static boolean reached(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof Reached) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
            if ("body".equals(localName) || "body".equals(qName)) {
                throw new Reached();
            }
        }
    }
}
