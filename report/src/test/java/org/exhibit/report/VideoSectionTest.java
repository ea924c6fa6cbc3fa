package org.exhibit.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.exhibit.format.json.Json;
import org.exhibit.format.record.Artifact;
import org.exhibit.format.record.CaptureOutcome;
import org.exhibit.format.record.CaptureRecord;
import org.exhibit.format.record.VideoRecord;
import org.exhibit.integrity.digest.Sha256;
import org.exhibit.report.depiction.Depicter;
import org.exhibit.report.depiction.Depiction;
import org.exhibit.report.depiction.ImageMode;
import org.exhibit.report.depiction.VideoFrames;
import org.exhibit.report.layout.HtmlSink;
import org.exhibit.report.source.CaseFiles;
import org.exhibit.report.source.Entry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A capture's video in the report: its record and hashes, and a strip of frames that ffmpeg draws from a real
 * synthetic clip ({@code testsrc2}) read in place, from a workspace folder or from inside a ZIP.
 */
class VideoSectionTest {
    private static final String URL = "http://127.0.0.1:8080/clip.mp4";
    @TempDir
    Path tmp;
    Path caseDir;
    Path clip;
    String file;
    String sha;
    String md5;
    Path frameTemp;

    @BeforeEach
    void captureWithAVideo() throws Exception {
        ExternalTools.require(Path.of("/usr/bin/ffmpeg"), "ffmpeg");
        caseDir = tmp.resolve("case");
        Path folder = Files.createDirectories(caseDir.resolve("data/captures/0001/videos"));
        clip = clip(tmp.resolve("clip.mp4"), false);
        sha = Sha256.of(clip).hex();
        md5 = md5(clip);
        file = "videos/" + sha + ".mp4";
        Files.copy(clip, folder.resolve(sha + ".mp4"));
        Json.write(folder.getParent().resolve("capture.json"), record());
        frameTemp = Files.createDirectories(tmp.resolve("frame-temp"));
    }

    @Test
    void eachVideoHasItsRecordItsHashesAndAStripOfBlurredFrames() throws Exception {
        String html = html(CaseFiles.open(caseDir), ImageMode.BLURRED, onPath());
        assertThat(html).contains("Video 1 of 1: video file the page links to", URL, "320 × 240 px, 480 kbit/s, h264",
                "6.0 s", "1 of 1", sha, md5, "videos/" + sha + ".vpdq.txt", "at 0.6 s", "at 5.4 s",
                Depiction.BLURRED_LABEL);
        List<BufferedImage> frames = ReportAssertions.htmlImages(html);
        assertThat(frames).hasSize(VideoFrames.COUNT).allSatisfy(i ->
                assertThat(Math.max(i.getWidth(), i.getHeight())).isLessThanOrEqualTo(Depicter.BLUR_MAX));
        assertThat(ExternalTools.inked(frames.get(0))).as("a drawn frame, not a blank").isGreaterThan(0.5);
        assertThat(frameTemp).isEmptyDirectory();
    }

    @Test
    void withShowImagesTheFramesAreShownAtReducedSize() throws Exception {
        String html = html(CaseFiles.open(caseDir), ImageMode.SHOWN, onPath());
        assertThat(html).doesNotContain(Depiction.BLURRED_LABEL).contains("original 320 × 240 px");
        assertThat(ReportAssertions.htmlImages(html)).hasSize(VideoFrames.COUNT)
                .allSatisfy(i -> assertThat(i.getWidth()).isEqualTo(320));
        assertThat(frameTemp).isEmptyDirectory();
    }

    @Test
    void withoutFfmpegTheReportSaysTheFramesCouldNotBeDrawnAndKeepsTheHashes() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("no-tools"));
        String html = html(CaseFiles.open(caseDir), ImageMode.BLURRED, new VideoFrames(empty.toString(), frameTemp));
        assertThat(html).contains(sha, md5, "The frames of " + file + " could not be drawn: ffmpeg is not installed",
                "bin/setup installs it");
        assertThat(ReportAssertions.htmlImages(html)).isEmpty();
    }

    @Test
    void insideABundleTheVideoIsReadInPlaceStoredOrStreamedWhenCompressed() throws Exception {
        Path stored = zip(tmp.resolve("stored.zip"), Files.readAllBytes(clip), true);
        assertThat(ReportAssertions.htmlImages(html(CaseFiles.open(stored), ImageMode.BLURRED, onPath())))
                .hasSize(VideoFrames.COUNT);

        Path streamable = clip(tmp.resolve("faststart.mp4"), true);
        Path deflated = zip(tmp.resolve("deflated.zip"), Files.readAllBytes(streamable), false);
        assertThat(ReportAssertions.htmlImages(html(CaseFiles.open(deflated), ImageMode.BLURRED, onPath())))
                .hasSizeBetween(VideoFrames.COUNT - 1, VideoFrames.COUNT);

        Path unstreamable = zip(tmp.resolve("moov-last.zip"), Files.readAllBytes(clip), false);
        String html = html(CaseFiles.open(unstreamable), ImageMode.BLURRED, onPath());
        assertThat(html).contains("could not be drawn: ffmpeg could not decode a frame of it as a stream", md5);
        assertThat(frameTemp).isEmptyDirectory();
    }

    private VideoFrames onPath() {
        return new VideoFrames(System.getenv().getOrDefault("PATH", ""), frameTemp);
    }

    private String html(CaseFiles files, ImageMode mode, VideoFrames frames) throws IOException {
        StringWriter w = new StringWriter();
        try (files; HtmlSink sink = new HtmlSink(w, "Case")) {
            Entry e = new Entry(Entry.Kind.CAPTURE, "0001", "data/captures/0001", "https://site.example/p/1",
                    Instant.parse("2026-11-24T10:15:00Z"), List.of(), "complete", "0".repeat(64));
            CaptureRecord r = Json.MAPPER.readValue(files.readSmall("data/captures/0001/capture.json", 1 << 20),
                    CaptureRecord.class);
            VideoSection.write(sink, e, r, new Depictions(files, new Depicter(mode), frames));
        }
        return w.toString();
    }

    private CaptureRecord record() {
        String vpdq = "videos/" + sha + ".vpdq.txt";
        VideoRecord v = new VideoRecord("link", URL, "https://site.example/p/1",
                new VideoRecord.Rendition(320, 240, 480_000L, "h264"), file, 6.0, 1, 1, true, false, vpdq,
                List.of("<urn:uuid:0b2c1f9e-5d1e-4b55-9a55-6c9a1e0e7f3a>"), List.of());
        List<Artifact> artifacts = List.of(new Artifact(file, "video", "video/mp4", 1000, sha, md5, null, null,
                null, null, null, URL, List.of()), Artifact.of(vpdq, "vpdq", "text/plain", 10, "1".repeat(64)));
        return new CaptureRecord(CaptureRecord.FORMAT, "0001", "2026-017", "https://site.example/p/1",
                "https://site.example/p/1", "https://site.example/p/1", List.of(), null, "Clip",
                Instant.parse("2026-11-24T10:15:00Z"), Instant.parse("2026-11-24T10:15:09Z"), CaptureOutcome.COMPLETE,
                List.of(), List.of(), null, Map.of(), null, List.of(), List.of(), List.of(), artifacts, List.of(v));
    }

    /** A 6-second synthetic clip (ffmpeg's testsrc2 and a sine tone), its index last unless {@code faststart}. */
    static Path clip(Path out, boolean faststart) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("/usr/bin/ffmpeg", "-nostdin", "-v", "error", "-y",
                "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=10:duration=6", "-f", "lavfi", "-i",
                "sine=frequency=440:duration=6", "-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest"));
        if (faststart) {
            cmd.addAll(List.of("-movflags", "+faststart"));
        }
        cmd.add(out.toString());
        ExternalTools.run(out.getParent(), cmd);
        return out;
    }

    /** The capture folder as a ZIP, the video STORED (as a sealed bundle keeps it) or DEFLATED. */
    private Path zip(Path zip, byte[] video, boolean stored) throws IOException {
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(zip)) {
            byte[] record = Files.readAllBytes(caseDir.resolve("data/captures/0001/capture.json"));
            for (Map.Entry<String, byte[]> e : Map.of("data/captures/0001/capture.json", record,
                    "data/captures/0001/" + file, video).entrySet()) {
                ZipArchiveEntry entry = new ZipArchiveEntry(e.getKey());
                if (stored && e.getKey().endsWith(".mp4")) {
                    CRC32 crc = new CRC32();
                    crc.update(e.getValue());
                    entry.setMethod(ZipEntry.STORED);
                    entry.setCrc(crc.getValue());
                    entry.setSize(e.getValue().length);
                }
                out.putArchiveEntry(entry);
                out.write(e.getValue());
                out.closeArchiveEntry();
            }
        }
        return zip;
    }

    private static String md5(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(Files.readAllBytes(file)));
    }
}
