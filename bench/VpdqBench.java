import java.nio.file.Path;
import org.exhibit.metadata.vpdq.Ffmpeg;
import org.exhibit.metadata.vpdq.VpdqHash;
import org.exhibit.metadata.vpdq.VpdqHasher;

/**
 * Benchmark, not a test: hashes one video with vPDQ {@code RUNS} times after a warm-up and prints one line per
 * run, "seconds frames", for bench/vpdq.sh. Arguments: video, seconds per hash (0: every frame), runs.
 */
public final class VpdqBench {
    public static void main(String[] args) throws Exception {
        Path video = Path.of(args[0]);
        VpdqHasher hasher = new VpdqHasher(Ffmpeg.onPath(), Double.parseDouble(args[1]));
        int runs = Integer.parseInt(args[2]);
        hasher.hash(video); // warm-up: JIT, page cache
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            VpdqHash h = hasher.hash(video);
            System.out.printf("%.3f %d%n", (System.nanoTime() - t0) / 1e9, h.size());
        }
    }
}
