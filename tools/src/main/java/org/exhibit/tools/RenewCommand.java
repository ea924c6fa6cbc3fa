package org.exhibit.tools;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import org.exhibit.integrity.bundle.BundleRenewer;
import org.exhibit.integrity.bundle.SealException;
import org.exhibit.integrity.ers.EvidenceRecords;
import org.exhibit.integrity.timestamp.TrustAnchors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code exhibit renew BUNDLE.zip [--tsa ...] [--hash-tree sha512] [-o OUT.zip]}: carries a bundle's proof forward. */
@Command(name = "renew", mixinStandardHelpOptions = true,
        description = {"Renew a bundle's RFC 4998 evidence record (evidence-record.ers) into a new bundle: the same "
                + "files, byte for byte, with an evidence record that gains a new archive timestamp over the last "
                + "one (timestamp renewal: before its TSA certificate expires) or, with --hash-tree, a new hash tree "
                + "over every file under a stronger algorithm (hash-tree renewal: before SHA-256 weakens).",
                "Without --tsa, only prints each archive timestamp and when its renewal is due."})
public final class RenewCommand implements Callable<Integer> {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BUNDLE.zip", description = "The bundle whose evidence record to renew.")
    Path bundle;

    @Option(names = "--hash-tree", paramLabel = "ALGORITHM",
            description = "Hash-tree renewal under this algorithm: sha512 (or sha384). Default: timestamp renewal.")
    String hashTree;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT.zip",
            description = "The renewed bundle (default: <bundle>-renewed-<UTC time>.zip beside it). An existing file "
                    + "is never replaced; the original bundle is left as it is.")
    Path output;

    @Mixin
    TsaOptions tsaOptions;

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(bundle)) {
            throw new UsageException(bundle + ": expected a bundle file, got " + (Files.exists(bundle)
                    ? "something else" : "no such file"));
        }
        String algorithm = null;
        if (hashTree != null) {
            if (!EvidenceRecords.isSupported(hashTree)) {
                throw new UsageException("--hash-tree: expected sha512 or sha384, got " + hashTree);
            }
            algorithm = hashTree;
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            List<EvidenceRecords.Stamp> stamps = BundleRenewer.stamps(bundle);
            report(stamps, out);
            if (tsaOptions.specs.isEmpty()) {
                if (algorithm != null) {
                    throw new UsageException("--hash-tree: renewing needs a TSA: add --tsa URL (or --tsa local)");
                }
                out.println("to renew: exhibit renew " + bundle + " --tsa URL [--hash-tree sha512]");
                return ExitCode.OK;
            }
            Path target = output != null ? output : defaultTarget(bundle);
            try (TsaOptions.Session tsas = tsaOptions.open(Exhibit.environment(spec).home())) {
                BundleRenewer.renew(bundle, target, tsas.timestamper(TrustAnchors.jdkDefaults()), algorithm);
            }
            out.println(target);
            List<EvidenceRecords.Stamp> renewed = BundleRenewer.stamps(target);
            EvidenceRecords.Stamp last = renewed.get(renewed.size() - 1);
            out.println("  " + (algorithm == null ? "timestamp renewal" : "hash-tree renewal (" + last.algorithm()
                    + ")") + ": archive timestamp " + renewed.size() + " at " + last.genTime() + " by " + last.tsa()
                    + (last.notAfter() == null ? "" : "; renew again before " + last.notAfter()));
            return ExitCode.OK;
        } catch (SealException e) {
            err.println("exhibit: cannot renew " + bundle + ": " + e.getMessage());
            return ExitCode.FAILED;
        }
    }

    /** One line per archive timestamp; the last one's certificate expiry is when the next renewal is due. */
    private static void report(List<EvidenceRecords.Stamp> stamps, PrintWriter out) {
        for (int i = 0; i < stamps.size(); i++) {
            EvidenceRecords.Stamp s = stamps.get(i);
            boolean last = i == stamps.size() - 1;
            out.println("archive timestamp " + (i + 1) + " (hash tree " + (s.chain() + 1) + ", " + s.algorithm()
                    + "): " + s.genTime() + " by " + s.tsa() + ", certificate valid until "
                    + (s.notAfter() == null ? "unknown" : s.notAfter())
                    + (last ? "" : " (renewed by the next)"));
        }
        EvidenceRecords.Stamp last = stamps.get(stamps.size() - 1);
        if (last.notAfter() != null) {
            Instant now = Instant.now();
            long days = ChronoUnit.DAYS.between(now, last.notAfter());
            out.println(last.notAfter().isBefore(now)
                    ? "timestamp renewal OVERDUE: the last archive timestamp's TSA certificate expired at "
                            + last.notAfter() + "; the evidence record can no longer be renewed"
                    : "timestamp renewal due before " + last.notAfter() + " (in " + days + " days)");
        }
        out.println("hash-tree renewal due when " + last.algorithm() + " is no longer considered secure "
                + "(--hash-tree sha512)");
    }

    private static Path defaultTarget(Path bundle) {
        String name = bundle.getFileName().toString();
        String stem = name.endsWith(".zip") ? name.substring(0, name.length() - 4) : name;
        Path dir = bundle.toAbsolutePath().getParent();
        return dir.resolve(stem + "-renewed-" + STAMP.format(Instant.now()) + ".zip");
    }
}
