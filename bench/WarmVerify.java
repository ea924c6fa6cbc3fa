import java.nio.file.Path;
import org.exhibit.integrity.bundle.BundleVerifier;
import org.exhibit.integrity.bundle.Verification;
import org.exhibit.integrity.bundle.ZipLimits;
import org.exhibit.integrity.timestamp.TrustAnchors;

/**
 * Benchmark helper (not product code): verifies one bundle RUNS times in one JVM and prints each run's wall and
 * process CPU time, so that the steady state (JIT done, classes loaded, trust store read) can be told apart from
 * what a fresh `exhibit verify` process pays at start. Run by verify-bench.sh:
 * java -Xmx128m -cp tools/target/exhibit.jar bench/WarmVerify.java BUNDLE.zip RUNS
 */
public class WarmVerify {
    public static void main(String[] args) {
        var os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        // the JDK's anchors for the TSAs, no --trust: the signer is reported unverified, as by `exhibit verify`
        BundleVerifier verifier = new BundleVerifier(TrustAnchors::jdkDefaults, TrustAnchors.none(), ZipLimits.DEFAULT);
        for (int i = 0; i < Integer.parseInt(args[1]); i++) {
            long cpu = os.getProcessCpuTime();
            long wall = System.nanoTime();
            Verification v = verifier.verify(Path.of(args[0]), false);
            System.out.printf("%.3f %.3f %s%n", (System.nanoTime() - wall) / 1e9, (os.getProcessCpuTime() - cpu) / 1e9,
                    v.outcome());
        }
    }
}
