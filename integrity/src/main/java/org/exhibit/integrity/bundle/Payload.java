package org.exhibit.integrity.bundle;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.exhibit.integrity.digest.Sha256;

/**
 * Every file under a workspace's {@code data/}, hashed once on every core before sealing: path in the bundle,
 * size, SHA-256, CRC-32 and whether it is deflated. Links, special files and names a manifest cannot carry
 * are refused.
 */
final class Payload {
    /** One payload file. */
    record File(String path, Path source, long size, Sha256 sha256, long crc32, boolean deflate) {
    }

    private final Map<String, File> files;

    private Payload(Map<String, File> files) {
        this.files = Collections.unmodifiableMap(files);
    }

    /** Sorted by bundle path. */
    Map<String, File> files() {
        return files;
    }

    long octets() {
        return files.values().stream().mapToLong(File::size).sum();
    }

    BagManifest manifest() {
        TreeMap<String, Sha256> lines = new TreeMap<>();
        files.forEach((path, f) -> lines.put(path, f.sha256()));
        return new BagManifest(lines);
    }

    static Payload scan(Path root, ZipLimits limits) throws IOException, SealException, InterruptedException {
        Path data = root.resolve("data");
        List<Path> sources = new ArrayList<>();
        if (Files.isDirectory(data, LinkOption.NOFOLLOW_LINKS)) {
            try (Stream<Path> walk = Files.walk(data)) {
                for (Path p : (Iterable<Path>) walk::iterator) {
                    BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                    String path = bundlePath(root, p);
                    if (a.isSymbolicLink() || a.isOther()) {
                        throw new SealException(path + ": is a link or special file; expected regular files only");
                    }
                    if (a.isRegularFile()) {
                        checkName(path);
                        sources.add(p);
                    }
                }
            }
        }
        Map<Path, ParallelHashing.Digest> digests =
                ParallelHashing.hash(sources, Payload::sizeOf, Files::newInputStream, true);
        Map<String, File> files = new TreeMap<>();
        for (Path p : sources) {
            ParallelHashing.Digest d = digests.get(p);
            String path = bundlePath(root, p);
            if (d.error() != null) {
                throw new SealException(path + ": cannot read: " + d.error().getMessage());
            }
            boolean deflate = EntryMethod.deflated(path) && !overRatio(p, d.size(), limits);
            files.put(path, new File(path, p, d.size(), d.sha256(), d.crc32(), deflate));
        }
        return new Payload(files);
    }

    static String bundlePath(Path root, Path file) {
        StringBuilder sb = new StringBuilder();
        for (Path part : root.relativize(file)) {
            sb.append(sb.length() == 0 ? "" : "/").append(part);
        }
        return sb.toString();
    }

    private static void checkName(String path) throws SealException {
        try {
            EntryNames.check(path.getBytes(StandardCharsets.UTF_8), path);
            BagManifest.checkPath(path);
        } catch (UnsafeZipException | IllegalArgumentException e) {
            throw new SealException(e.getMessage() + "; rename the file before sealing");
        }
    }

    /**
     * A text file that would deflate past the verifier's ratio bound is stored instead, so that a bundle Exhibit
     * writes never looks like a zip bomb to Exhibit.
     */
    private static boolean overRatio(Path p, long size, ZipLimits limits) throws IOException {
        if (size <= limits.ratioGraceBytes()) {
            return false;
        }
        Counting sink = new Counting();
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try (OutputStream out = new DeflaterOutputStream(sink, deflater, 64 * 1024)) {
            Files.copy(p, out);
        } finally {
            deflater.end();
        }
        return limits.overRatio(size, sink.count) || (double) size / Math.max(1, sink.count) > limits.maxRatio() / 2.0;
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }

    private static final class Counting extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
