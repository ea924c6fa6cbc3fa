package org.exhibit.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.exhibit.report.layout.PdfSink;
import org.exhibit.report.layout.ReportSink;
import org.exhibit.report.layout.TextSink;
import org.exhibit.report.layout.TextFile;
import org.exhibit.report.source.CaseFiles;
import org.exhibit.report.source.CaseInfo;
import org.exhibit.report.source.CaseReader;

/**
 * Removal notices ready for the sender to complete and send: one per host found in the case (plain text and PDF),
 * and a short notice for search engines listing every URL. Exhibit never sends them.
 *
 * <pre>{@code
 * List<Path> written = TakedownNotices.write(Path.of("cases/2026-017"), Path.of("notices"), null, Basis.BOTH);
 * // notices/takedown-social.example.txt, .pdf, ..., notices/search-delisting.txt, .pdf
 * }</pre>
 */
public final class TakedownNotices {
    /** What the notices rest on. */
    public enum Basis {
        /** Non-consensual intimate imagery only. */
        NON_CONSENSUAL,
        /** Copyright only (DMCA statements). */
        COPYRIGHT,
        /** Both: the usual case for a self-taken image. */
        BOTH
    }

    private TakedownNotices() {
    }

    /**
     * Writes the notices into {@code outDir}.
     *
     * @param onlyHost a host to write the notice for, or null for every host
     * @return the files written
     * @throws IllegalArgumentException {@code onlyHost} is not a host found in the case (the message lists them)
     */
    public static List<Path> write(Path caseOrBundle, Path outDir, String onlyHost, Basis basis) throws IOException {
        try (CaseFiles files = CaseFiles.open(caseOrBundle)) {
            CaseReader reader = new CaseReader(files);
            CaseInfo info = reader.info();
            Map<String, List<TakedownTarget>> hosts = TakedownTarget.byHost(reader);
            if (onlyHost != null) {
                String host = onlyHost.toLowerCase(java.util.Locale.ROOT);
                if (!hosts.containsKey(host)) {
                    throw new IllegalArgumentException("expected a host found in case " + info.id() + " ("
                            + (hosts.isEmpty() ? "none" : String.join(", ", hosts.keySet())) + "), got " + onlyHost);
                }
                hosts = Map.of(host, hosts.get(host));
            }
            if (hosts.isEmpty()) {
                throw new IllegalArgumentException("expected captured URLs in case " + info.id() + ", got none");
            }
            Files.createDirectories(outDir);
            List<Path> written = new ArrayList<>();
            List<TakedownTarget> all = new ArrayList<>();
            for (Map.Entry<String, List<TakedownTarget>> h : hosts.entrySet()) {
                all.addAll(h.getValue());
                String base = "takedown-" + h.getKey().replaceAll("[^a-z0-9.-]", "_");
                written.addAll(both(outDir, base, "Removal request: " + h.getKey(),
                        sink -> TakedownContent.notice(sink, info, h.getKey(), h.getValue(), basis)));
            }
            written.addAll(both(outDir, "search-delisting", "Search result removal request",
                    sink -> TakedownContent.delisting(sink, all)));
            return written;
        }
    }

    private interface Content {
        void write(ReportSink sink) throws IOException;
    }

    private static List<Path> both(Path dir, String base, String title, Content content) throws IOException {
        Path txt = dir.resolve(base + ".txt");
        TextFile.write(txt, w -> {
            try (ReportSink sink = new TextSink(w)) {
                content.write(sink);
            }
        });
        Path pdf = dir.resolve(base + ".pdf");
        try (ReportSink sink = new PdfSink(pdf, title)) {
            content.write(sink);
            sink.complete();
        }
        return List.of(txt, pdf);
    }
}
