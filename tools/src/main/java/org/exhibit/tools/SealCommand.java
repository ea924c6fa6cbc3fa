package org.exhibit.tools;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import org.exhibit.integrity.bundle.BundleSealer;
import org.exhibit.integrity.bundle.SealException;
import org.exhibit.integrity.bundle.SealedBundle;
import org.exhibit.integrity.crypt.Recipients;
import org.exhibit.integrity.identity.Identity;
import org.exhibit.integrity.timestamp.TrustAnchors;
import org.exhibit.integrity.workspace.CaseWorkspace;
import org.exhibit.report.CaseReport;
import org.exhibit.report.Sealing;
import org.exhibit.report.depiction.ImageMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code exhibit seal --case DIR [-o BUNDLE.zip|DIR] [--tsa ...]}: the evidence bundle of a case. */
@Command(name = "seal", mixinStandardHelpOptions = true,
        description = "Seal a case into its evidence bundle: a BagIt ZIP with the custody manifest signed by you "
                + "and timestamped, the custody log, VERIFY.txt and the case report (data/report/, images blurred). "
                + "With --encrypt-to or --passphrase, only the encrypted BUNDLE.zip.p7m is written.")
public final class SealCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--case", required = true, paramLabel = "DIR", description = "The case directory.")
    Path caseDir;

    @Option(names = {"-o", "--output"}, paramLabel = "BUNDLE.zip|DIR",
            description = "The bundle to write, or a directory for <case-id>-<UTC time>.zip (default: the current "
                    + "directory). An existing file is never replaced.")
    Path output = Path.of(".");

    @Mixin
    TsaOptions tsaOptions;

    @Mixin
    EncryptOptions encryption;

    @Override
    public Integer call() throws IOException {
        CaseWorkspace ws = CaseCommand.open(caseDir);
        Environment env = Exhibit.environment(spec);
        Identity me = Investigator.unlock(env);
        Recipients encryptTo = encryption.recipients(env);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // the report sealed into the bundle states its seal time and name, so both are fixed before it is written
        Instant sealedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Path target = BundleSealer.target(output, ws.id(), sealedAt);
        List<Path> report;
        try (CaseReport r = CaseReport.open(ws.root())) {
            report = r.writeTo(ws.reportDir(), ImageMode.BLURRED,
                    new Sealing(sealedAt, target.getFileName().toString()));
        }
        boolean sealed = false;
        try (TsaOptions.Session tsas = tsaOptions.open(env.home())) {
            BundleSealer sealer = new BundleSealer(me, tsas.timestamper(TrustAnchors.jdkDefaults()), Version.current(),
                    Clock.fixed(sealedAt, ZoneOffset.UTC));
            SealedBundle b = sealer.seal(ws, target, encryptTo);
            sealed = true;
            out.println(b.file());
            out.println("  SHA-256  " + b.sha256() + (encryptTo != null ? " (of the ZIP inside)" : ""));
            if (encryptTo != null) {
                out.println("  encrypted to " + encryptTo.certificates().size() + " certificate(s)"
                        + (encryptTo.passphrase() != null ? " and a passphrase" : "") + "; no plain ZIP was written");
            }
            out.println("  " + b.size() + " bytes, " + b.manifest().captures().size() + " captures, "
                    + b.manifest().items().size() + " items, timestamped by " + b.manifestTokens().stream()
                    .map(t -> t.tsa().name() + " at " + t.genTime()).collect(java.util.stream.Collectors.joining(", ")));
            if (!Exhibit.quiet(spec)) {
                b.warnings().forEach(w -> err.println("exhibit: warning: " + w));
                b.manifestTokens().forEach(t -> t.warnings().forEach(w -> err.println("exhibit: warning: manifest "
                        + "timestamp (" + t.tsa().name() + "): " + w)));
            }
            return ExitCode.OK;
        } catch (SealException e) {
            err.println("exhibit: cannot seal " + ws.id() + ": " + e.getMessage());
            return ExitCode.FAILED;
        } finally {
            if (encryptTo != null && encryptTo.passphrase() != null) {
                java.util.Arrays.fill(encryptTo.passphrase(), '\0');
            }
            if (!sealed) {
                // it states a seal that did not happen
                for (Path p : report) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
