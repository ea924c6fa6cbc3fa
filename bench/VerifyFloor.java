import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * The floor of a cold verify (a benchmark part, not a test; bench/verify-bench.sh times it in the same run as
 * `exhibit verify` and `openssl dgst -sha256`): a fresh Java 17 process that does nothing but SHA-256 every byte of
 * the bundle's ZIP, cut into THREADS contiguous ranges hashed at once (1 MB reads, the JDK's SHA-256 with its CPU
 * intrinsic, as Exhibit's hashing uses). No entry parsed, no digest compared, no signature, token, record or custody
 * line checked, nothing printed but how many tokens were checked. A verify must at least read and hash the payload
 * the ZIP holds, so on the same machine and JVM it cannot be faster than this.
 *
 * <p>Given the bundle unzipped as well (UNZIPPED), the main thread also does the least a verifier must do with each
 * RFC 3161 token while the ZIP hashes: parse it (Bouncy Castle) and check its signature over its signed attributes
 * with the TSA's public key (Bouncy Castle's ECDSA or RSA, the key decoded once per certificate). No imprint, message
 * digest attribute, certificate, chain or time is checked. A bundle of 1,000 items carries 1,000 tokens, and each
 * one's signature must be checked, or a forged token would pass.
 *
 * <p>Usage: java -cp exhibit.jar:CLASSES VerifyFloor BUNDLE.zip THREADS [UNZIPPED] (compiled first: a cold start
 * that does not compile it; THREADS 0 with UNZIPPED: the tokens alone)
 */
public final class VerifyFloor {
    public static void main(String[] args) throws Exception {
        Path zip = Path.of(args[0]);
        int threads = Integer.parseInt(args[1]);
        long size;
        try (FileChannel ch = FileChannel.open(zip)) {
            size = ch.size();
        }
        List<Thread> hashers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            long from = size * i / threads;
            long to = size * (i + 1) / threads;
            Thread t = new Thread(() -> hash(zip, from, to));
            t.start();
            hashers.add(t);
        }
        int tokens = args.length > 2 ? tokens(Path.of(args[2])) : 0;
        for (Thread t : hashers) {
            t.join();
        }
        if (tokens > 0) {
            System.out.println(tokens + " token signatures checked");
        }
    }

    @SuppressWarnings("unchecked") // Bouncy Castle's SignerId is a raw Selector
    private static int tokens(Path unzipped) throws Exception {
        List<Path> tsrs;
        try (Stream<Path> walk = Files.walk(unzipped)) {
            tsrs = walk.filter(p -> p.toString().endsWith(".tsr")).toList();
        }
        BouncyCastleProvider bc = new BouncyCastleProvider();
        Map<X509CertificateHolder, PublicKey> keys = new HashMap<>();
        for (Path tsr : tsrs) {
            TimeStampToken token = new TimeStampResponse(Files.readAllBytes(tsr)).getTimeStampToken();
            SignerInformation signer = token.toCMSSignedData().getSignerInfos().getSigners().iterator().next();
            X509CertificateHolder cert = (X509CertificateHolder) token.getCertificates().getMatches(token.getSID())
                    .iterator().next();
            PublicKey key = keys.computeIfAbsent(cert, c -> {
                try {
                    return new JcaPEMKeyConverter().setProvider(bc).getPublicKey(c.getSubjectPublicKeyInfo());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Signature check = Signature.getInstance(
                    key.getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA", bc);
            check.initVerify(key);
            check.update(signer.getEncodedSignedAttributes());
            if (!check.verify(signer.getSignature())) {
                throw new IllegalStateException(tsr + ": the token's signature does not verify");
            }
        }
        return tsrs.size();
    }

    private static void hash(Path zip, long from, long to) {
        try (FileChannel ch = FileChannel.open(zip)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
            for (long at = from; at < to; ) {
                buffer.clear().limit((int) Math.min(buffer.capacity(), to - at));
                int n = ch.read(buffer, at);
                if (n < 0) {
                    break;
                }
                md.update(buffer.array(), 0, n);
                at += n;
            }
            md.digest();
        } catch (Exception e) {
            throw new IllegalStateException(zip + ": " + e.getMessage(), e);
        }
    }
}
