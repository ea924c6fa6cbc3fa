package org.exhibit.capture;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.imageio.ImageIO;
import org.exhibit.metadata.ArtifactInspector;
import org.netpreserve.jwarc.WarcReader;

/**
 * In a fresh process, the first capture's work after the page steps (media-type detection with Tika, image
 * decoding, PDQ, EXIF, the WARC reader) would first load and initialise its classes, one to two seconds on a
 * loaded machine. Once per process, a background thread does that on a tiny image while the first browser starts
 * and the page loads, when the capture's own thread only waits. It touches nothing of any case and fails silently:
 * the capture does the same work anyway.
 */
final class Warmup {
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private Warmup() {
    }

    static void start() {
        if (!STARTED.compareAndSet(false, true)) {
            return;
        }
        Thread t = new Thread(Warmup::run, "exhibit-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    private static void run() {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("exhibit-warm-up-");
            Path png = dir.resolve("warm-up.png");
            ImageIO.write(new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB), "png", png.toFile());
            new ArtifactInspector().inspect(png, "warm-up.png", "resource");
            Class.forName(WarcReader.class.getName(), true, Warmup.class.getClassLoader());
        } catch (IOException | RuntimeException | ReflectiveOperationException | LinkageError e) {
            // nothing lost: the capture loads the same classes when it needs them
        } finally {
            if (dir != null) {
                try {
                    Files.deleteIfExists(dir.resolve("warm-up.png"));
                    Files.deleteIfExists(dir);
                } catch (IOException ignored) {
                    // a temporary file of our own, in the system's temporary folder
                }
            }
        }
    }
}
