package org.exhibit.integrity.bundle;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.exhibit.integrity.digest.Sha256;
import org.exhibit.integrity.timestamp.TrustAnchors;

/**
 * Verifies a bundle as docs/FORMAT.md ("Verification") says, in this order: the ZIP is safe to read and has one
 * reading ({@code zip}); BagIt complete and valid ({@code bagit}); every file each record lists present with its
 * hash ({@code records}); {@code manifest.json} binds {@code manifest-sha256.txt} and the records
 * ({@code manifest}); the CMS signature over the tag manifest, by a trusted signer when {@code --trust} is given
 * ({@code signature}); the records and the custody log name the signer ({@code identity}); every RFC 3161 token
 * ({@code timestamp}); the RFC 4998 evidence record over every file ({@code evidence-record}); the custody log's chain and head ({@code custody-log}); stamps and events in time order
 * ({@code time-order}); nothing unlisted, nothing required missing ({@code unlisted}). A ZIP with two readings fails
 * (exit 1); one that cannot be read safely could not be verified (exit 2). Reads entries straight from the ZIP,
 * hashing them once on every core; never extracts, never writes.
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
    private final TrustAnchors given;
    private final ZipLimits limits;
    private final Instant validationTime;

    /** @param trust the certificates the user trusts, for TSAs and for the signer alike ({@code --trust}) */
    public BundleVerifier(TrustAnchors trust) {
        this(() -> trust, trust, ZipLimits.DEFAULT);
    }

    /**
     * @param anchors where a TSA chain may end; asked for only once the entries are hashed, so that loading a large
     *                trust store (the JDK's) can overlap the hashing
     * @param given   the certificates the user named ({@code --trust}): the signer must be one of them (or chain to
     *                one); when empty, the signer is reported as unverified
     * @param limits  what the ZIP must stay within
     */
    public BundleVerifier(Supplier<TrustAnchors> anchors, TrustAnchors given, ZipLimits limits) {
        this(anchors, given, limits, null);
    }

    private BundleVerifier(Supplier<TrustAnchors> anchors, TrustAnchors given, ZipLimits limits,
                           Instant validationTime) {
        this.anchors = anchors;
        this.given = given;
        this.limits = limits;
        this.validationTime = validationTime;
    }

    /**
     * This verifier with another validation time (default: now) for the evidence record's last archive timestamp:
     * whether the bundle's proof still holds at a later date, e.g. the hearing's.
     */
    public BundleVerifier at(Instant time) {
        return new BundleVerifier(anchors, given, limits, time);
    }

    /** Runs one step; a step that breaks on hostile input fails naming itself instead of ending the verification. */
    private static void run(List<Check> checks, String step, OpenBundle b, Supplier<List<Check>> check) {
        try {
            checks.addAll(check.get());
        } catch (RuntimeException e) {
            checks.add(Check.fail(step, Reason.CHECK_FAILED_TO_RUN, b.name, b.name + ": the " + step + " check could not read its input: " + e));
        }
    }

    /**
     * @param strict warnings (an untrusted investigator or TSA, a self-run TSA, a pending stamp) fail the bundle
     */
    public Verification verify(Path bundle, boolean strict) {
        return verify(bundle, strict, false);
    }

    /**
     * @param digestBundle also take the SHA-256 of the bundle file itself, in the same pass (while the entries are
     *                     hashed), for a report that names the file by its hash ({@link Verification#bundleSha256})
     */
    public Verification verify(Path bundle, boolean strict, boolean digestBundle) {
        CompletableFuture<String> fileDigest = digestBundle && Files.isRegularFile(bundle)
                ? CompletableFuture.supplyAsync(() -> digest(bundle)) : CompletableFuture.completedFuture(null);
        Verification v = check(bundle, strict);
        return v.withBundleSha256(fileDigest.join());
    }

    private static String digest(Path file) {
        try {
            return Sha256.of(file).hex();
        } catch (IOException e) {
            return null; // the checks say why the file cannot be read
        }
    }

    /**
     * Verifies a bundle ZIP read through a channel rather than from a file of its own: a decrypted bundle
     * ({@code org.exhibit.integrity.crypt.DecryptedBundle}), whose plaintext is never on disk. The channel is closed.
     *
     * @param name      the ZIP's name, as messages and the result name it
     * @param bundleSha the ZIP's SHA-256 (taken while it was decrypted), or null
     */
    public Verification verify(String name, FileChannel channel, boolean strict, String bundleSha) {
        return check(name, early -> SafeZip.open(name, channel, limits, early), strict).withBundleSha256(bundleSha);
    }

    private interface ZipSource {
        /** Opens and checks the ZIP, handing it to {@code early} before its cross-checks (see {@link SafeZip}). */
        SafeZip open(Consumer<SafeZip> early) throws IOException;
    }

    /**
     * The checks in the order of docs/FORMAT.md. Those that need only the small entries (signature, identity,
     * timestamps, custody log, time order; records and tokens are hashed first) run while the large files are still
     * being hashed; the others wait for every digest. A ZIP that proves unsafe while inflating ends it all the same.
     */
    private Verification check(OpenBundle b, String name, SafeZip zip, boolean strict, List<Check> checks)
            throws UnsafeZipException, InterruptedException {
        List<Check> signature = new ArrayList<>();
        run(signature, SignatureCheck.NAME, b, () -> SignatureCheck.run(b, given));
        run(signature, IdentityCheck.NAME, b, () -> IdentityCheck.run(b));
        TrustAnchors trust = anchors.get();
        List<Check> stamps = new ArrayList<>();
        run(stamps, TimestampChecks.NAME, b, () -> TimestampChecks.run(b, trust));
        List<Check> custody = new ArrayList<>();
        run(custody, CustodyLogCheck.NAME, b, () -> CustodyLogCheck.run(b));
        run(custody, TimeOrderCheck.NAME, b, () -> TimeOrderCheck.run(b));
        b.awaitAll();
        checks.add(Check.pass(ZIP, name, name + ": " + zip.entries().size() + " entries, safe to read"));
        run(checks, BagCheck.NAME, b, () -> BagCheck.run(b));
        run(checks, RecordCheck.NAME, b, () -> RecordCheck.run(b));
        run(checks, ManifestCheck.NAME, b, () -> ManifestCheck.run(b));
        checks.addAll(signature);
        checks.addAll(stamps);
        Instant at = validationTime == null ? Instant.now() : validationTime;
        run(checks, EvidenceRecordCheck.NAME, b, () -> EvidenceRecordCheck.run(b, trust, at));
        checks.addAll(custody);
        run(checks, CompletenessCheck.NAME, b, () -> CompletenessCheck.run(b));
        return Verification.of(name, checks, strict, b.signer(), false);
    }

    private Verification check(Path bundle, boolean strict) {
        String name = bundle.getFileName() == null ? bundle.toString() : bundle.getFileName().toString();
        if (!Files.isRegularFile(bundle)) {
            List<Check> checks = new ArrayList<>();
            checks.add(Check.fail(ZIP, Reason.UNREADABLE, name, bundle + ": expected a bundle file, got "
                    + (Files.exists(bundle) ? "something else" : "no such file")));
            return Verification.of(name, checks, strict, null, true);
        }
        return check(name, early -> SafeZip.open(bundle, limits, early), strict);
    }

    private Verification check(String name, ZipSource source, boolean strict) {
        List<Check> checks = new ArrayList<>();
        ReaderWarmup.start();
        // hashing starts while the ZIP's central directory is cross-checked against its local headers; a ZIP that
        // fails those checks ends here all the same, and its digests are dropped unread
        AtomicReference<OpenBundle> started = new AtomicReference<>();
        try (SafeZip zip = source.open(z -> started.set(OpenBundle.start(name, z)))) {
            try {
                return check(started.get(), name, zip, strict, checks);
            } finally {
                started.get().stop(); // before the ZIP closes under the hashing threads
            }
        } catch (AmbiguousZipException e) {
            checks.add(Check.fail(ZIP, Reason.AMBIGUOUS_ZIP, name, e.getMessage()));
            return Verification.of(name, checks, strict, null, false);
        } catch (UnsafeZipException e) {
            checks.add(Check.fail(ZIP, Reason.UNSAFE_ZIP, name, e.getMessage()));
        } catch (IOException e) {
            checks.add(Check.fail(ZIP, Reason.UNREADABLE, name, name + ": cannot read: " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            checks.add(Check.fail(ZIP, Reason.INTERRUPTED, name, name + ": interrupted"));
        } catch (RuntimeException e) {
            checks.add(Check.fail(ZIP, Reason.UNREADABLE, name, name + ": cannot read: " + e));
        } finally {
            if (started.get() != null) {
                started.get().stop(); // a ZIP that failed its cross-checks: what was hashed of it is dropped
            }
        }
        return Verification.of(name, checks, strict, null, true);
    }
}
