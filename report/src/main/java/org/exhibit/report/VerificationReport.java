package org.exhibit.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.exhibit.integrity.bundle.Check;
import org.exhibit.integrity.bundle.Verification;
import org.exhibit.integrity.crypt.DecryptedBundle;
import org.exhibit.integrity.digest.Sha256;
import org.exhibit.report.layout.Column;
import org.exhibit.report.layout.Field;
import org.exhibit.report.layout.HtmlSink;
import org.exhibit.report.layout.PdfSink;
import org.exhibit.report.layout.ReportSink;
import org.exhibit.report.layout.TextFile;
import org.exhibit.report.source.CaseFiles;
import org.exhibit.report.source.CaseInfo;
import org.exhibit.report.source.CaseReader;
import org.exhibit.report.source.Entry;
import org.exhibit.report.source.Nodes;

/**
 * The attorney's document about a bundle: which file, its size and SHA-256, when and with what it was verified,
 * the verdict in one sentence, every check in plain words, who signed and stamped it and whether they chain to a
 * trust anchor, and what the warnings mean. A tampered bundle's report names the file that failed and why.
 *
 * <pre>{@code
 * Verification v = new BundleVerifier(trust).verify(bundle, false);
 * VerificationReport.write(v, bundle, Path.of("verification.pdf"));   // or .html
 * }</pre>
 */
public final class VerificationReport {
    private VerificationReport() {
    }

    /** Writes the report as PDF or HTML, chosen by {@code out}'s extension. */
    public static void write(Verification result, Path bundle, Path out) throws IOException {
        write(result, plain(bundle), out);
    }

    /**
     * For an encrypted bundle, read through its decryption (the ZIP is named by {@link Verification#bundle()}, its
     * size and SHA-256 those of the decrypted ZIP).
     */
    public static void write(Verification result, DecryptedBundle bundle, Path out) throws IOException {
        write(result, new Source(() -> CaseFiles.open(bundle), bundle::size, () -> bundle.sha256().hex()), out);
    }

    private static void write(Verification result, Source bundle, Path out) throws IOException {
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".pdf")) {
            try (ReportSink sink = new PdfSink(out, "Verification of " + result.bundle())) {
                write(result, bundle, sink, Instant.now());
                sink.complete();
            }
        } else if (name.endsWith(".html") || name.endsWith(".htm")) {
            TextFile.write(out, w -> {
                try (ReportSink sink = new HtmlSink(w, "Verification of " + result.bundle())) {
                    write(result, bundle, sink, Instant.now());
                }
            });
        } else {
            throw new IllegalArgumentException("expected a report file ending in .pdf or .html, got " + out);
        }
    }

    /** Writes the report's content to any sink; {@code verifiedAt} is stated as the time of verification. */
    public static void write(Verification result, Path bundle, ReportSink out, Instant verifiedAt) throws IOException {
        write(result, plain(bundle), out, verifiedAt);
    }

    /** Where the bundle is read from: a ZIP file, or a decrypted bundle. */
    private record Source(Opener open, Size size, Digest sha256) {
    }

    private interface Opener {
        CaseFiles open() throws IOException;
    }

    private interface Size {
        /** Bytes, or -1 when there is no such file. */
        long get() throws IOException;
    }

    private interface Digest {
        String get() throws IOException;
    }

    private static Source plain(Path bundle) {
        return new Source(() -> CaseFiles.open(bundle), () -> Files.isRegularFile(bundle) ? Files.size(bundle) : -1,
                () -> Sha256.of(bundle).hex());
    }

    private static void write(Verification result, Source bundle, ReportSink out, Instant verifiedAt)
            throws IOException {
        CaseInfo info = null;
        List<Entry> entries = List.of();
        EvidenceNames names = new EvidenceNames();
        List<Signers.Signer> signers = List.of();
        List<String> verifyTxt = null;
        try (CaseFiles files = bundle.open().open()) {
            CaseReader reader = new CaseReader(files);
            info = reader.info();
            entries = reader.entries();
            names = EvidenceNames.read(reader);
            signers = Signers.read(files, result);
            verifyTxt = CaseReportContent.verifyTxt(reader);
        } catch (IOException | RuntimeException e) {
            // an unreadable or hostile bundle: the checks say why; the report describes what it can
        }
        String sealed = info == null || info.sealedAt() == null ? "(seal time unknown)" : Nodes.utc(info.sealedAt());
        long size = bundle.size().get();
        boolean exists = size >= 0;
        out.heading(1, "Verification report — " + result.bundle());
        out.notice(Verdict.sentence(result, info, sealed));
        out.fields(List.of(
                Field.text("Bundle file", result.bundle()),
                Field.text("Size", exists ? Nodes.bytes(size) : "(file not found)"),
                Field.mono("SHA-256", result.bundleSha256() != null ? result.bundleSha256()
                        : exists ? bundle.sha256().get() : ""),
                Field.text("Case", info == null ? "(unreadable)" : info.id() + (info.title().isEmpty() ? "" : " — " + info.title())),
                Field.text("Sealed (UTC)", sealed + (info == null ? "" : " by " + info.investigator().name())),
                Field.text("Verified (UTC)", Nodes.utc(verifiedAt)),
                Field.text("Verified with", Producer.current() + (result.strict() ? ", strict (warnings fail)" : "")),
                Field.text("Outcome", result.outcome() + " (exit status " + result.outcome().exitCode() + ")")));
        if (!result.failures().isEmpty()) {
            out.heading(2, "What failed");
            CheckWording words = new CheckWording(names, sealed);
            for (Check c : result.failures()) {
                out.paragraph(c.file() + " — " + words.say(c) + "\nReason: " + c.message());
            }
        }
        out.heading(2, "Every check, in order");
        CheckWording words = new CheckWording(names, sealed);
        try (ReportSink.Table t = out.table(Column.text("Result", 0.6f),
                Column.text("In plain words, then the verifier's own finding", 6.4f))) {
            for (Check c : result.checks()) {
                t.row(c.status().name(), words.say(c) + "\nVerifier: " + c.message());
            }
        }
        out.heading(2, "Who signed and stamped it");
        if (signers.isEmpty()) {
            out.paragraph("No certificates could be read from the bundle.");
        }
        for (Signers.Signer s : signers) {
            out.fields(List.of(Field.text("Role", s.role()), Field.text("Subject", s.subject()),
                    Field.mono("Certificate SHA-256", s.fingerprint()), Field.text("Valid", s.validity()),
                    Field.text("Trust", s.trust())));
        }
        Warnings.explain(out, result.warnings());
        if (info != null) {
            VerifyInstructions.write(out, info, result.bundle(), entries, verifyTxt);
        }
    }
}
