package org.exhibit.integrity.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.TimeZone;
import java.util.zip.CRC32;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZipWriterTest {
    @TempDir
    Path tmp;

    @Test
    void everyEntryCarriesTheSealTimeInUtcWhateverTheLocalZone() throws IOException {
        Instant sealedAt = Instant.parse("2026-11-24T10:15:00Z");
        TimeZone before = TimeZone.getDefault();
        Path zip = tmp.resolve("b.zip");
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
            byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
            CRC32 crc = new CRC32();
            crc.update(png);
            try (ZipWriter w = new ZipWriter(zip, sealedAt)) {
                w.add("a.txt", "text\n".getBytes(StandardCharsets.UTF_8));
                w.add("data/x.png", new ByteArrayInputStream(png), png.length, crc.getValue(), false);
                w.finish();
            }
        } finally {
            TimeZone.setDefault(before);
        }
        try (ZipFile z = ZipFile.builder().setPath(zip).get(); FileChannel ch = FileChannel.open(zip)) {
            for (ZipArchiveEntry e : Collections.list(z.getEntries())) {
                ByteBuffer header = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
                ch.read(header, e.getLocalHeaderOffset() + 10);
                int time = header.getShort(0) & 0xFFFF;
                int date = header.getShort(2) & 0xFFFF;
                assertThat(new int[] {(date >> 9) + 1980, (date >> 5) & 15, date & 31, time >> 11, (time >> 5) & 63,
                        (time & 31) * 2}).as(e.getName()).containsExactly(2026, 11, 24, 10, 15, 0);
                assertThat(e.getUnixMode()).as(e.getName()).isEqualTo(0100644);
            }
            assertThat(z.getEntry("a.txt").getMethod()).isEqualTo(ZipArchiveEntry.DEFLATED);
            assertThat(z.getEntry("data/x.png").getMethod()).isEqualTo(ZipArchiveEntry.STORED);
        }
    }

    @Test
    void refusesEntriesOutOfOrderAndAFileThatShrank() throws IOException {
        try (ZipWriter w = new ZipWriter(tmp.resolve("c.zip"), Instant.parse("2026-11-24T10:15:00Z"))) {
            w.add("b.txt", new byte[] {1});
            assertThatThrownBy(() -> w.add("a.txt", new byte[] {1})).isInstanceOf(IllegalStateException.class)
                    .hasMessage("expected entries in sorted order, got a.txt after b.txt");
            assertThatThrownBy(() -> w.add("c.bin", new ByteArrayInputStream(new byte[3]), 5, 0, true))
                    .hasMessage("c.bin: expected 5 bytes, got 3 (the file shrank while sealing)");
        }
        assertThat(Files.exists(tmp.resolve("c.zip"))).isTrue();
    }
}
