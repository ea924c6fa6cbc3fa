import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.exhibit.integrity.digest.Sha256;
import org.exhibit.metadata.ArtifactInspector;
import org.exhibit.metadata.pdq.PdqHasher;
import org.exhibit.metadata.pdq.PdqImageReader;

/**
 * Benchmark, not a test: PDQ throughput on the shared vectors and on 1000 generated web-sized JPEGs, and the
 * cost of ArtifactInspector against a plain copy + SHA-256 of 1000 mixed files. Figures are ratios against
 * baselines measured in the same run. Run with bench/run.sh.
 */
public final class PdqBench {
    public static void main(String[] args) throws Exception {
        Path vectors = Path.of(args.length > 0 ? args[0] : "../shared/testdata/pdq");
        Path out = Files.createDirectories(Path.of(args.length > 1 ? args[1] : "bench/out"));
        PdqHasher hasher = new PdqHasher();
        PdqImageReader reader = new PdqImageReader();

        List<Path> vec;
        try (Stream<Path> s = Files.list(vectors)) {
            vec = s.filter(p -> p.toString().matches(".*\\.(jpg|png)$")).sorted().toList();
        }
        for (int warm = 0; warm < 3; warm++) {
            for (Path p : vec) {
                hasher.hash(reader.read(p).luma());
            }
        }
        int rounds = 5;
        long t0 = System.nanoTime();
        for (int r = 0; r < rounds; r++) {
            for (Path p : vec) {
                ImageIO.read(p.toFile());
            }
        }
        long decodeOnly = System.nanoTime() - t0;
        t0 = System.nanoTime();
        for (int r = 0; r < rounds; r++) {
            for (Path p : vec) {
                hasher.hash(reader.read(p).luma());
            }
        }
        long pdq = System.nanoTime() - t0;
        int n = rounds * vec.size();
        System.out.printf("test vectors: %d hashes, %.1f hashes/s (decode+hash); ImageIO decode alone %.1f/s; "
                + "hash/decode time ratio %.2f%n", n, n / sec(pdq), n / sec(decodeOnly), (double) pdq / decodeOnly);

        Path web = Files.createDirectories(out.resolve("web"));
        List<Path> webImages = generateWebImages(web, 1000);
        t0 = System.nanoTime();
        for (Path p : webImages) {
            ImageIO.read(p.toFile());
        }
        decodeOnly = System.nanoTime() - t0;
        t0 = System.nanoTime();
        for (Path p : webImages) {
            hasher.hash(reader.read(p).luma());
        }
        pdq = System.nanoTime() - t0;
        System.out.printf("1000 web JPEGs (800x600..1280x960): %.1f hashes/s (decode+hash); ImageIO decode alone "
                + "%.1f/s; hash/decode time ratio %.2f%n", 1000 / sec(pdq), 1000 / sec(decodeOnly),
                (double) pdq / decodeOnly);

        List<Path> mixed = mixedFiles(out.resolve("mixed"), webImages);
        Path copies = Files.createDirectories(out.resolve("copies"));
        long plain = ingest(mixed, copies, null);
        long inspected = ingest(mixed, copies, new ArtifactInspector());
        plain = Math.min(plain, ingest(mixed, copies, null));
        inspected = Math.min(inspected, ingest(mixed, copies, new ArtifactInspector()));
        System.out.printf("1000 mixed files (600 JPEG, 200 text, 100 PDF-like, 100 video 2 MB): copy+fsync+SHA-256 %.2f s; "
                + "with ArtifactInspector %.2f s; ratio %.2f%n", sec(plain), sec(inspected), (double) inspected / plain);
    }

    /** An ingest's file work: copy, fsync, SHA-256 of the copy, plus (or not) the inspector. Best of one run. */
    private static long ingest(List<Path> files, Path into, ArtifactInspector inspector) throws IOException {
        long t0 = System.nanoTime();
        for (Path f : files) {
            Path copy = into.resolve(f.getFileName());
            Files.copy(f, copy, StandardCopyOption.REPLACE_EXISTING);
            try (FileChannel ch = FileChannel.open(copy, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            if (inspector == null) {
                Sha256.of(copy);
            } else {
                inspector.inspect(copy, copy.getFileName().toString(), "original");
            }
        }
        return System.nanoTime() - t0;
    }

    private static List<Path> generateWebImages(Path dir, int count) throws IOException {
        Random rnd = new Random(42);
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Path p = dir.resolve(String.format("w%04d.jpg", i));
            out.add(p);
            if (Files.exists(p)) {
                continue;
            }
            int w = 800 + rnd.nextInt(481);
            int h = w * 3 / 4;
            BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setPaint(new GradientPaint(0, 0, new Color(rnd.nextInt()), w, h, new Color(rnd.nextInt())));
            g.fillRect(0, 0, w, h);
            for (int k = 0; k < 30; k++) {
                g.setColor(new Color(rnd.nextInt(), true));
                g.fillOval(rnd.nextInt(w), rnd.nextInt(h), 20 + rnd.nextInt(w / 3), 20 + rnd.nextInt(h / 3));
            }
            g.dispose();
            ImageIO.write(img, "jpg", p.toFile());
        }
        return out;
    }

    private static List<Path> mixedFiles(Path dir, List<Path> webImages) throws IOException {
        Files.createDirectories(dir);
        List<Path> out = new ArrayList<>(webImages.subList(0, 600));
        Random rnd = new Random(7);
        for (int i = 0; i < 200; i++) {
            Path p = dir.resolve(String.format("chat%03d.txt", i));
            if (!Files.exists(p)) {
                Files.writeString(p, ("12:0" + i % 10 + " someone: message number " + i + "\n").repeat(1500));
            }
            out.add(p);
        }
        for (int i = 0; i < 100; i++) {
            Path p = dir.resolve(String.format("doc%03d.pdf", i));
            if (!Files.exists(p)) {
                byte[] b = new byte[200_000];
                rnd.nextBytes(b);
                byte[] head = ("%PDF-1.7\n%garbage body: not a valid PDF, so the parser fails fast\n").getBytes();
                System.arraycopy(head, 0, b, 0, head.length);
                Files.write(p, b);
            }
            out.add(p);
        }
        for (int i = 0; i < 100; i++) {
            Path p = dir.resolve(String.format("clip%03d.mp4", i));
            if (!Files.exists(p)) {
                byte[] b = new byte[2_000_000];
                rnd.nextBytes(b);
                byte[] head = {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0, 'i', 's', 'o', 'm',
                        'm', 'p', '4', '1'};
                System.arraycopy(head, 0, b, 0, head.length);
                Files.write(p, b);
            }
            out.add(p);
        }
        return out;
    }

    private static double sec(long nanos) {
        return nanos / 1e9;
    }
}
