package org.exhibit.integrity.bundle;

import java.util.Locale;
import java.util.Set;

/**
 * STORED or DEFLATED for a bundle entry, by its name: text is deflated; everything else (PNG, JPEG, WACZ,
 * warc.gz, video, PDF, ZIP, tokens and signatures, unknown binaries) is stored, which keeps already-compressed
 * evidence byte-for-byte at its offset and verification fast.
 */
final class EntryMethod {
    private static final Set<String> TEXT = Set.of("txt", "json", "jsonl", "html", "htm", "xml", "csv", "tsv",
            "eml", "mbox", "mhtml", "mht", "pem", "svg", "css", "js", "md", "log", "vcf", "ics", "har", "warc");

    private EntryMethod() {
    }

    static boolean deflated(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 && TEXT.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
