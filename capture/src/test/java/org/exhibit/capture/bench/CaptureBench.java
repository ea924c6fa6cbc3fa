package org.exhibit.capture.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.exhibit.capture.CaptureOptions;
import org.exhibit.capture.CaptureResult;
import org.exhibit.capture.Capturer;
import org.exhibit.capture.SampleSiteServer;
import org.exhibit.format.record.Step;
import org.exhibit.integrity.identity.Identity;
import org.exhibit.integrity.identity.IdentityStore;
import org.exhibit.integrity.timestamp.LocalTsa;
import org.exhibit.integrity.timestamp.Timestamper;
import org.exhibit.integrity.timestamp.TrustAnchors;
import org.exhibit.integrity.timestamp.TsaServer;
import org.exhibit.integrity.workspace.CaseWorkspace;

/**
 * Benchmark (not a test): captures the sample pages ROUNDS times each into a throw-away case with the local
 * TSA, and prints seconds per capture and the share spent on Exhibit's own work (proxy shutdown, resources,
 * WACZ, hashing and metadata, record, move, timestamp, custody log) against the browser's (start, page steps,
 * quit). Run with bench/capture.sh [ROUNDS].
 */
public final class CaptureBench {
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Path samples = Path.of(args.length > 1 ? args[1] : "samples");
        Path tmp = Files.createTempDirectory("exhibit-bench-");
        Identity me = new IdentityStore(tmp.resolve("home")).create("Bench", null, null, "pw".toCharArray(), false);
        CaseWorkspace ws = CaseWorkspace.init(tmp.resolve("case"), "bench", "Benchmark", me.publicInfo());
        try (SampleSiteServer site = SampleSiteServer.start(samples.resolve("site"));
             TsaServer tsa = TsaServer.start(LocalTsa.open(tmp.resolve("home/tsa")), 0);
             Capturer capturer = new Capturer(ws, me.publicInfo(), CaptureOptions.defaults()
                     .withTimestamper(new Timestamper(List.of(tsa.endpoint()), TrustAnchors.none().with(tsa.tsa().root()))))) {
            List<String> urls = site.links(samples.resolve("links.txt"));
            capturer.capture(urls.get(0), Map.of());   // warm-up: JIT, page cache, font cache
            List<CaptureResult> results = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                for (String url : urls) {
                    CaptureResult r = capturer.capture(url, Map.of());
                    results.add(r);
                    CaptureResult.Timings t = r.timings();
                    System.out.printf(Locale.ROOT, "%s %-8s %6.2f s  browser start %5.2f + steps %5.2f + quit %5.2f s"
                            + "  exhibit %5.2f s  %s%n", r.id(), r.outcome().json(), sec(t.total()), sec(t.browserStart()),
                            sec(t.pageSteps()), sec(t.browserClose()), sec(t.exhibit()), url);
                    for (Step s : r.record().steps()) {
                        System.out.printf(Locale.ROOT, "      %-26s %6.2f s %s%n", s.name(), sec(s.duration()), s.outcome().json());
                    }
                }
            }
            double total = results.stream().mapToDouble(r -> sec(r.timings().total())).sum();
            double own = results.stream().mapToDouble(r -> sec(r.timings().exhibit())).sum();
            System.out.printf(Locale.ROOT, "%d captures: %.2f s per capture, Exhibit's own work %.1f%% of the time "
                    + "(browser %.2f s, Exhibit %.2f s per capture)%n", results.size(), total / results.size(),
                    100 * own / total, (total - own) / results.size(), own / results.size());
        }
    }

    private static double sec(Duration d) {
        return d.toNanos() / 1e9;
    }
}
