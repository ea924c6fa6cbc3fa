package org.exhibit.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.exhibit.report.layout.PdfSink;
import org.exhibit.report.layout.ReportSink;
import org.exhibit.report.layout.TextSink;
import org.exhibit.report.layout.TextFile;
import org.exhibit.report.source.CaseFiles;
import org.exhibit.report.source.CaseInfo;
import org.exhibit.report.source.CaseReader;

/**
 * Removal notices ready for the sender to complete and send: one per host that serves a chosen item or a page
 * showing one (plain text and PDF), and a short notice for search engines listing those URLs. A notice names only
 * what the victim chose (hash-list matches, captures, files or URLs), never everything a page loaded. Exhibit
 * never sends them, and this class contacts nothing: a lookup of abuse contacts is the caller's.
 *
 * <pre>{@code
 * TakedownSelection chosen = new TakedownSelection(List.of("captures/0002/resources/ab12.jpg"), List.of());
 * List<Path> written = TakedownNotices.write(Path.of("cases/2026-017"), Path.of("notices"), chosen, null,
 *         Basis.BOTH, null);
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
     * One notice written: a removal request to a host, or the search-engine delisting request.
     *
     * @param host      the host it is for; null for the delisting request
     * @param addressee who the lookup found to address it to, or null without a lookup
     * @param txt       the plain-text notice
     * @param pdf       the same notice as PDF
     * @param urls      every URL it names: the pages and the images and videos they show, in the notice's order
     */
    public record Drafted(String host, TakedownAddressee addressee, Path txt, Path pdf, List<String> urls) {
        public Drafted {
            urls = List.copyOf(urls);
        }

        /** Whether this is the search-engine delisting request. */
        public boolean delisting() {
            return host == null;
        }

        /** The abuse contacts' e-mail addresses joined by "; ", or null when none was found or looked up. */
        public String contacts() {
            if (addressee == null || addressee.contacts().isEmpty()) {
                return null;
            }
            return String.join("; ", addressee.contacts().stream().map(TakedownAddressee.Contact::email).toList());
        }
    }

    /**
     * Writes the notices into {@code outDir}: one per host that serves a chosen item or a page showing one.
     *
     * @param selection what the notices name (hash-list matches, chosen captures, files or URLs); never the rest
     *                  of a page's resources
     * @param onlyHost  a host to write the notice for, or null for every host
     * @param lookup    finds each host's addressee (abuse contacts), or null to leave a placeholder; it is called
     *                  with the IP address the capture recorded for the host, when there is one
     * @return the files written
     * @throws IllegalArgumentException nothing is chosen, a chosen value names nothing in the case
     *                                  ({@link #isUnknownChoice}), or {@code onlyHost} is not a host of the chosen
     *                                  content (the message lists them)
     */
    public static List<Path> write(Path caseOrBundle, Path outDir, TakedownSelection selection, String onlyHost,
                                   Basis basis, TakedownAddressee.Lookup lookup) throws IOException {
        List<Path> written = new ArrayList<>();
        for (Drafted d : draft(caseOrBundle, outDir, selection, onlyHost, basis, lookup)) {
            written.add(d.txt());
            written.add(d.pdf());
        }
        return written;
    }

    /** {@link #write}, telling for each notice its host, addressee, files and the URLs it names. */
    public static List<Drafted> draft(Path caseOrBundle, Path outDir, TakedownSelection selection, String onlyHost,
                                      Basis basis, TakedownAddressee.Lookup lookup) throws IOException {
        try (CaseFiles files = CaseFiles.open(caseOrBundle)) {
            CaseReader reader = new CaseReader(files);
            CaseInfo info = reader.info();
            TakedownTarget.Chosen chosen = TakedownTarget.choose(reader, info.id(), selection);
            Map<String, List<TakedownTarget>> hosts = chosen.byHost();
            List<TakedownTarget> all = chosen.all();
            if (onlyHost != null) {
                String host = onlyHost.toLowerCase(java.util.Locale.ROOT);
                if (!hosts.containsKey(host)) {
                    throw new IllegalArgumentException("expected a host of the chosen content in case " + info.id()
                            + " (" + (hosts.isEmpty() ? "none" : String.join(", ", hosts.keySet())) + "), got "
                            + onlyHost);
                }
                hosts = Map.of(host, hosts.get(host));
                all = hosts.get(host);
            }
            Files.createDirectories(outDir);
            List<Drafted> written = new ArrayList<>();
            for (Map.Entry<String, List<TakedownTarget>> h : hosts.entrySet()) {
                TakedownAddressee to = lookup == null ? null : lookup.find(h.getKey(), chosen.ips().get(h.getKey()));
                String base = "takedown-" + h.getKey().replaceAll("[^a-z0-9.-]", "_");
                List<Path> paths = both(outDir, base, "Removal request: " + h.getKey(),
                        sink -> TakedownContent.notice(sink, info, h.getKey(), h.getValue(), basis, to));
                written.add(new Drafted(h.getKey(), to, paths.get(0), paths.get(1), urls(h.getValue())));
            }
            List<TakedownTarget> delist = all;
            List<Path> paths = both(outDir, "search-delisting", "Search result removal request",
                    sink -> TakedownContent.delisting(sink, delist));
            written.add(new Drafted(null, null, paths.get(0), paths.get(1), urls(delist)));
            return written;
        }
    }

    /** The URLs the targets name: each one's own address, then the pages showing it. */
    private static List<String> urls(List<TakedownTarget> targets) {
        Set<String> out = new LinkedHashSet<>();
        for (TakedownTarget t : targets) {
            if (t.url() != null) {
                out.add(t.url());
            }
            out.addAll(t.pages());
        }
        return List.copyOf(out);
    }

    /** Whether {@code e} (from {@link #write}) says a chosen capture, file or URL is not in the case. */
    public static boolean isUnknownChoice(IllegalArgumentException e) {
        return e instanceof TakedownTarget.UnknownChoice;
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
