package org.exhibit.tools;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import org.exhibit.format.json.Json;
import org.exhibit.integrity.bundle.BundleVerifier;
import org.exhibit.integrity.bundle.Check;
import org.exhibit.integrity.bundle.Verification;
import org.exhibit.integrity.bundle.ZipLimits;
import org.exhibit.integrity.crypt.DecryptedBundle;
import org.exhibit.integrity.timestamp.TrustAnchors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code exhibit verify BUNDLE.zip [--trust PEM]... [--json] [--strict]}: every check of docs/FORMAT.md, one line each. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Check a bundle: one reading of the ZIP, BagIt, records, manifest, the signature over every "
                + "file and who made it, timestamps (each token; one valid per file suffices, all with --strict), "
                + "the RFC 4998 evidence record, custody log, time order, nothing unlisted. Reads the ZIP in "
                + "place and changes nothing.",
        footer = {"", "Exit codes: 0 verified; 1 the evidence failed a check (a ZIP that two tools would read "
                + "differently included); 2 could not run (bad arguments, unreadable or unsafe file); for an encrypted bundle, "
                + "3 wrong key or passphrase, 4 damaged, tampered with or truncated (nothing was checked)."})
public final class VerifyCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BUNDLE.zip|BUNDLE.zip.p7m",
            description = "The bundle to check, plain or encrypted (decrypted without writing it to disk, and "
                    + "checked only once the whole file authenticated).")
    Path bundle;

    @CommandLine.Mixin
    DecryptOptions decryption;

    @Option(names = "--trust", paramLabel = "PEM",
            description = "Trust these certificates (repeatable): the investigator's, a TSA root (Exhibit's own TSA's "
                    + "root.pem for --tsa local). With --trust, a bundle signed by anyone else fails; without it, the "
                    + "signer is reported as unverified and TSAs outside the JDK's trust store are warnings.")
    List<Path> trust = new ArrayList<>();

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Option(names = "--strict", description = "Every warning fails the bundle (a TSA outside the trust list, an "
            + "unverified signer, a pending stamp, a format-1 bundle). A bundle stamped by a self-run TSA verifies "
            + "strictly when its root and the investigator's certificate are given with --trust.")
    boolean strict;

    @Option(names = "--at", paramLabel = "TIME",
            description = "Check the evidence record as of this UTC time (e.g. 2031-05-01T09:00:00Z, a hearing's "
                    + "date) instead of now: its last archive timestamp must be valid then.")
    Instant at;

    @Option(names = "--report", paramLabel = "FILE.pdf|FILE.html",
            description = "Also write the verification report for an attorney (PDF or HTML, by the extension).")
    Path report;

    @Override
    public Integer call() throws IOException {
        if (report != null) {
            String name = report.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
            if (!name.endsWith(".pdf") && !name.endsWith(".html")) {
                throw new UsageException("--report: expected a FILE.pdf or FILE.html, got " + report);
            }
        }
        TrustAnchors given;
        try {
            given = TrustAnchors.fromPem(trust.toArray(Path[]::new));
        } catch (IOException e) {
            throw new UsageException("--trust: " + e.getMessage(), e);
        }
        // the JDK's trust store takes a while to read: let it load while the bundle is hashed
        CompletableFuture<TrustAnchors> anchors = CompletableFuture.supplyAsync(
                () -> TrustAnchors.jdkDefaults().with(given));
        BundleVerifier base = new BundleVerifier(anchors::join, given, ZipLimits.DEFAULT);
        BundleVerifier verifier = at == null ? base : base.at(at);
        if (DecryptOptions.encrypted(bundle)) {
            try (DecryptedBundle plain = decryption.open(bundle, Exhibit.environment(spec))) {
                Verification v = verifier.verify(plain.name(), plain.channel(), strict, plain.sha256().hex());
                print(v);
                if (report != null) {
                    org.exhibit.report.VerificationReport.write(v, plain, report);
                    spec.commandLine().getErr().println("exhibit: verification report written to " + report);
                }
                return v.outcome().exitCode();
            }
        }
        // with --report, the bundle's own SHA-256 is taken in the same pass, not by reading it again afterwards
        Verification v = verifier.verify(bundle, strict, report != null);
        print(v);
        if (report != null) {
            org.exhibit.report.VerificationReport.write(v, bundle, report);
            spec.commandLine().getErr().println("exhibit: verification report written to " + report);
        }
        return v.outcome().exitCode();
    }

    private void print(Verification v) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.MAPPER.writeValueAsString(v));
        } else {
            for (Check c : v.checks()) {
                if (!(Exhibit.quiet(spec) && c.status() == Check.Status.PASS)) {
                    out.println(c.line());
                }
            }
            out.println(summary(v));
        }
    }

    static String summary(Verification v) {
        long passed = v.checks().stream().filter(c -> c.status() == Check.Status.PASS).count();
        return switch (v.outcome()) {
            case VERIFIED -> "VERIFIED " + v.bundle() + ": " + passed + " checks passed, " + v.warnings().size()
                    + " warnings; " + signer(v);
            case FAILED -> "FAILED " + v.bundle() + ": " + v.failures().size() + " checks failed"
                    + (v.strict() && v.failures().isEmpty() ? ", " + v.warnings().size() + " warnings (--strict)" : "");
            case COULD_NOT_RUN -> "COULD NOT RUN " + v.bundle() + ": " + v.failures().get(0).message();
        };
    }

    /** Who signed, and whether that is proven or only claimed. */
    static String signer(Verification v) {
        if (v.signer() == null) {
            return "no valid signature";
        }
        return v.signer().trusted() ? "signed by " + v.signer().describe() + ", a signer you trust (--trust)"
                : "signer UNVERIFIED: " + v.signer().describe() + " is only what the bundle says; compare the "
                        + "fingerprint with the investigator's and pass their certificate with --trust";
    }
}
