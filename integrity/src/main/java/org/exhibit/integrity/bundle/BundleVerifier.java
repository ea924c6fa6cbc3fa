package org.exhibit.integrity.bundle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.exhibit.integrity.timestamp.TrustAnchors;

/**
 * Verifies a bundle as BUNDLE.md ("Verification") says, in this order: the ZIP is safe to read ({@code zip});
 * BagIt complete and valid ({@code bagit}); every file each record lists present with its hash ({@code records});
 * {@code manifest.json} binds {@code manifest-sha256.txt} and the records ({@code manifest}); the CMS signature
 * ({@code signature}); every RFC 3161 token ({@code timestamp}); the custody log's chain and head
 * ({@code custody-log}); nothing unlisted ({@code unlisted}). Reads entries straight from the ZIP, hashing them
 * once on every core; never extracts, never writes.
 *
 * <pre>{@code
 * TrustAnchors trust = TrustAnchors.jdkDefaults().with(TrustAnchors.fromPem(Path.of("office-tsa-root.pem")));
 * Verification v = new BundleVerifier(trust).verify(Path.of("2026-017-20261124T101500Z.zip"), false);
 * v.checks().forEach(c -> System.out.println(c.line()));
 * System.exit(v.outcome().exitCode());   // in a CLI: 0 verified, 1 failed a check, 2 could not run
 * }</pre>
 */
public final class BundleVerifier {
    static final String ZIP = "zip";

    private final Supplier<TrustAnchors> anchors;
    private final ZipLimits limits;

    public BundleVerifier(TrustAnchors anchors) {
        this(() -> anchors, ZipLimits.DEFAULT);
    }

    /**
     * @param anchors asked for only once the entries are hashed, so that loading a large trust store (the JDK's)
     *                can overlap the hashing
     * @param limits  what the ZIP must stay within
     */
    public BundleVerifier(Supplier<TrustAnchors> anchors, ZipLimits limits) {
        this.anchors = anchors;
        this.limits = limits;
    }

    /**
     * @param strict warnings (an untrusted investigator or TSA, a self-run TSA, a pending stamp) fail the bundle
     */
    public Verification verify(Path bundle, boolean strict) {
        String name = bundle.getFileName() == null ? bundle.toString() : bundle.getFileName().toString();
        List<Check> checks = new ArrayList<>();
        if (!Files.isRegularFile(bundle)) {
            checks.add(Check.fail(ZIP, name, bundle + ": expected a bundle file, got "
                    + (Files.exists(bundle) ? "something else" : "no such file")));
            return Verification.of(name, checks, strict, true);
        }
        try (SafeZip zip = SafeZip.open(bundle, limits)) {
            OpenBundle b = OpenBundle.hash(name, zip);
            checks.add(Check.pass(ZIP, name, name + ": " + zip.entries().size() + " entries, safe to read"));
            checks.addAll(BagCheck.run(b));
            checks.addAll(RecordCheck.run(b));
            checks.addAll(ManifestCheck.run(b));
            TrustAnchors trust = anchors.get();
            checks.addAll(SignatureCheck.run(b, trust));
            checks.addAll(TimestampChecks.run(b, trust));
            checks.addAll(CustodyLogCheck.run(b));
            checks.addAll(CompletenessCheck.run(b));
            return Verification.of(name, checks, strict, false);
        } catch (UnsafeZipException e) {
            checks.add(Check.fail(ZIP, name, e.getMessage()));
        } catch (IOException e) {
            checks.add(Check.fail(ZIP, name, name + ": cannot read: " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            checks.add(Check.fail(ZIP, name, name + ": interrupted"));
        }
        return Verification.of(name, checks, strict, true);
    }
}
