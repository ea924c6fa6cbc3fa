package org.exhibit.integrity.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeZipTest {
    @TempDir
    Path tmp;

    private SafeZip open(Path zip) throws IOException {
        return SafeZip.open(zip, ZipLimits.DEFAULT);
    }

    @Test
    void readsAPlainArchiveInPlaceAndExtractsOnlyIntoTheGivenFolder() throws IOException {
        Path zip = HostileZips.zip(tmp.resolve("ok.zip"), Map.of("a/b.txt", "hello", "c.txt", "world"));
        Path into = Files.createDirectory(tmp.resolve("into"));
        try (SafeZip z = open(zip)) {
            assertThat(z.entries()).extracting(SafeZip.Entry::name).containsExactlyInAnyOrder("a/b.txt", "c.txt");
            try (InputStream in = z.open(z.entry("a/b.txt"))) {
                assertThat(new String(in.readAllBytes())).isEqualTo("hello");
            }
            z.extractTo(into);
        }
        assertThat(into.resolve("a/b.txt")).hasContent("hello");
        assertThat(into.resolve("c.txt")).hasContent("world");
        assertThat(listing(tmp)).containsExactlyInAnyOrder("ok.zip", "into", "into/a", "into/a/b.txt", "into/c.txt");
    }

    @Test
    void aStoredEntrysBytesLieUnchangedAtItsOffsetAndADeflatedOneHasNone() throws IOException {
        Path zip = tmp.resolve("mixed.zip");
        byte[] video = new byte[5000];
        new java.util.Random(7).nextBytes(video);
        try (org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream out =
                     new org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream(zip)) {
            out.putArchiveEntry(new org.apache.commons.compress.archivers.zip.ZipArchiveEntry("notes.txt"));
            out.write("deflated text ".repeat(50).getBytes());
            out.closeArchiveEntry();
            org.apache.commons.compress.archivers.zip.ZipArchiveEntry stored =
                    new org.apache.commons.compress.archivers.zip.ZipArchiveEntry("videos/clip.mp4");
            stored.setMethod(java.util.zip.ZipEntry.STORED);
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(video);
            stored.setCrc(crc.getValue());
            stored.setSize(video.length);
            out.putArchiveEntry(stored);
            out.write(video);
            out.closeArchiveEntry();
        }
        byte[] all = Files.readAllBytes(zip);
        try (SafeZip z = open(zip)) {
            long at = z.storedOffset(z.entry("videos/clip.mp4"));
            assertThat(java.util.Arrays.copyOfRange(all, (int) at, (int) at + video.length)).isEqualTo(video);
            assertThat(z.storedOffset(z.entry("notes.txt"))).isEqualTo(-1);
        }
    }

    @Test
    void refusesParentPathsWithoutWritingAnything() throws IOException {
        Path zip = HostileZips.zip(tmp.resolve("dotdot.zip"), Map.of("data/../../evil.txt", "x"));
        Path into = Files.createDirectory(tmp.resolve("into"));
        assertThatThrownBy(() -> {
            try (SafeZip z = open(zip)) {
                z.extractTo(into);
            }
        }).isInstanceOf(UnsafeZipException.class)
                .hasMessage("data/../../evil.txt: '..' in entry name (path escapes the archive)");
        assertThat(listing(tmp)).containsExactlyInAnyOrder("dotdot.zip", "into");
        assertThat(tmp.getParent().resolve("evil.txt")).doesNotExist();
    }

    @Test
    void refusesAbsolutePaths() throws IOException {
        Path zip = HostileZips.zip(tmp.resolve("abs.zip"), Map.of("/tmp/evil.txt", "x"));
        assertThatThrownBy(() -> open(zip)).isInstanceOf(UnsafeZipException.class)
                .hasMessage("/tmp/evil.txt: absolute path in entry name");
    }

    @Test
    void refusesBackslashesAndDriveLetters() throws IOException {
        Path back = HostileZips.patch(HostileZips.zip(tmp.resolve("back.zip"), Map.of("data/x.txt", "x")),
                "data/x.txt", "data\\x.txt");
        assertThatThrownBy(() -> open(back)).isInstanceOf(UnsafeZipException.class)
                .hasMessageContaining("backslash in entry name");
        Path drive = HostileZips.zip(tmp.resolve("drive.zip"), Map.of("C:/evil.txt", "x"));
        assertThatThrownBy(() -> open(drive)).isInstanceOf(UnsafeZipException.class)
                .hasMessage("C:/evil.txt: drive letter in entry name");
    }

    @Test
    void refusesSymbolicLinkEntries() throws IOException {
        Path zip = HostileZips.symlink(tmp.resolve("link.zip"), "data/passwd", "/etc/passwd");
        assertThatThrownBy(() -> open(zip)).isInstanceOf(UnsafeZipException.class)
                .hasMessage("data/passwd: symbolic link entry (links are refused)");
    }

    @Test
    void refusesDuplicateNamesIncludingCaseVariants() throws IOException {
        Path same = HostileZips.twoEntries(tmp.resolve("dup.zip"), "data/a.txt", "data/a.txt");
        assertThatThrownBy(() -> open(same)).isInstanceOf(UnsafeZipException.class)
                .hasMessage("data/a.txt: duplicate entry name (same as data/a.txt after normalisation)");
        Path cased = HostileZips.twoEntries(tmp.resolve("case.zip"), "data/a.txt", "DATA/A.txt");
        assertThatThrownBy(() -> open(cased)).isInstanceOf(UnsafeZipException.class)
                .hasMessage("DATA/A.txt: duplicate entry name (same as data/a.txt after normalisation)");
        Path fileAndFolder = HostileZips.twoEntries(tmp.resolve("ff.zip"), "data", "data/a.txt");
        assertThatThrownBy(() -> open(fileAndFolder)).isInstanceOf(UnsafeZipException.class)
                .hasMessage("data/a.txt: lies inside data, which is a file entry");
    }

    @Test
    void refusesAZipBombFromItsHeaders() throws IOException {
        Path zip = HostileZips.bomb(tmp.resolve("bomb.zip"), "data/zeros.bin", 64L << 20);
        assertThat(Files.size(zip)).isLessThan(1L << 20);
        assertThatThrownBy(() -> open(zip)).isInstanceOf(UnsafeZipException.class)
                .hasMessageStartingWith("data/zeros.bin: declares a compression ratio over 100 (67108864 bytes from ")
                .hasMessageEndingWith("); refusing a zip bomb");
    }

    @Test
    void enforcesTheRatioWhileInflatingWhateverTheHeadersSayWithBoundedMemory() throws IOException {
        Path zip = HostileZips.lyingBomb(tmp.resolve("liar.zip"), "data/zeros.bin", 256L << 20);
        long allocatedBefore = allocatedByThisThread();
        try (SafeZip z = open(zip)) {
            SafeZip.Entry e = z.entry("data/zeros.bin");
            assertThat(e.size()).as("declared size").isLessThan(100L * e.compressedSize());
            assertThatThrownBy(() -> drain(z, e)).isInstanceOf(UnsafeZipException.class)
                    .hasMessageStartingWith("data/zeros.bin: compression ratio over 100 (")
                    .hasMessageEndingWith("); refusing a zip bomb");
        }
        assertThat(allocatedByThisThread() - allocatedBefore).as("bytes allocated while refusing")
                .isLessThan(32L << 20);
    }

    @Test
    void stopsAnEntryThatInflatesPastItsDeclaredSize() throws IOException {
        Path zip = HostileZips.lyingBomb(tmp.resolve("liar.zip"), "data/zeros.bin", 256L << 20);
        ZipLimits noRatio = new ZipLimits(10, 1L << 40, 1L << 40, 100_000, 0);
        long allocatedBefore = allocatedByThisThread();
        try (SafeZip z = SafeZip.open(zip, noRatio)) {
            SafeZip.Entry e = z.entry("data/zeros.bin");
            // reading stops at the declared size; the entry is damaged evidence (verify exit 1), not a bomb to refuse
            assertThatThrownBy(() -> drain(z, e)).isInstanceOf(java.util.zip.ZipException.class)
                    .hasMessage("data/zeros.bin: ZIP entry damaged: inflates past its declared size of " + e.size()
                            + " bytes");
        }
        assertThat(allocatedByThisThread() - allocatedBefore).as("bytes allocated while refusing")
                .isLessThan(32L << 20);
    }

    private static void drain(SafeZip z, SafeZip.Entry e) throws IOException {
        try (InputStream in = z.open(e)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
    }

    @Test
    void refusesTruncatedArchives() throws IOException {
        Path zip = HostileZips.zip(tmp.resolve("ok.zip"), Map.of("a.txt", "a".repeat(5000), "b.txt", "b"));
        Path half = HostileZips.truncate(zip, tmp.resolve("half.zip"), Files.size(zip) / 2);
        assertThatThrownBy(() -> open(half)).isInstanceOf(UnsafeZipException.class)
                .hasMessageStartingWith("half.zip: not a readable ZIP archive (truncated or corrupt): ");
        Path noEnd = HostileZips.truncate(zip, tmp.resolve("noend.zip"), Files.size(zip) - 1);
        assertThatThrownBy(() -> open(noEnd)).isInstanceOf(UnsafeZipException.class)
                .hasMessageStartingWith("noend.zip: not a readable ZIP archive (truncated or corrupt): ");
    }

    @Test
    void refusesACentralDirectoryThatDisagreesWithTheLocalHeaders() throws IOException {
        Path zip = HostileZips.zip(tmp.resolve("cd.zip"), new LinkedHashMap<>(Map.of("a.txt", "aaaa")));
        byte[] bytes = Files.readAllBytes(zip);
        int local = HostileZips.indexOf(bytes, "a.txt".getBytes());
        bytes[local] = 'b';
        Files.write(zip, bytes);
        assertThatThrownBy(() -> open(zip)).isInstanceOf(UnsafeZipException.class)
                .hasMessage("a.txt: local header names a different entry; corrupt archive");
    }

    @Test
    void refusesMoreEntriesThanTheLimit() throws IOException {
        Map<String, String> many = new LinkedHashMap<>();
        for (int i = 0; i < 11; i++) {
            many.put("f" + i, "x");
        }
        Path zip = HostileZips.zip(tmp.resolve("many.zip"), many);
        ZipLimits ten = new ZipLimits(10, 1 << 20, 1 << 20, 100, 0);
        assertThatThrownBy(() -> SafeZip.open(zip, ten)).isInstanceOf(UnsafeZipException.class)
                .hasMessage("many.zip: 11 entries, over the limit of 10");
    }

    @Test
    void reportsDamagedDataAsACrcMismatchNamingTheEntry() throws IOException {
        Path zip = tmp.resolve("stored.zip");
        try (var out = new org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream(zip)) {
            var e = new org.apache.commons.compress.archivers.zip.ZipArchiveEntry("data/x.bin");
            e.setMethod(java.util.zip.ZipEntry.STORED);
            byte[] content = "evidence bytes".getBytes();
            var crc = new java.util.zip.CRC32();
            crc.update(content);
            e.setSize(content.length);
            e.setCrc(crc.getValue());
            out.putArchiveEntry(e);
            out.write(content);
            out.closeArchiveEntry();
        }
        HostileZips.patch(zip, "evidence bytes", "evidence bytez");
        try (SafeZip z = open(zip); InputStream in = z.open(z.entry("data/x.bin"))) {
            assertThatThrownBy(in::readAllBytes).isInstanceOf(java.util.zip.ZipException.class)
                    .hasMessageStartingWith("data/x.bin: ZIP entry damaged: CRC-32 expected ");
        }
    }

    private static long allocatedByThisThread() {
        var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        return mx.getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> !p.equals(dir)).map(p -> dir.relativize(p).toString()).toList();
        }
    }
}
