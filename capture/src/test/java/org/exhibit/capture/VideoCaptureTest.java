package org.exhibit.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.exhibit.capture.video.VideoOptions;
import org.exhibit.capture.videosite.Clips;
import org.exhibit.capture.videosite.VideoSite;
import org.exhibit.format.record.Artifact;
import org.exhibit.format.record.CaptureOutcome;
import org.exhibit.format.record.CaptureRecord;
import org.exhibit.format.record.VideoRecord;
import org.exhibit.integrity.digest.Sha256;
import org.exhibit.metadata.vpdq.VpdqHashFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tube-style page of each kind, captured with a real Chromium: the video it plays, embeds or links to is kept as
 * one playable file at the best rendition, frame for frame what the server's rendition decodes to, with its hashes
 * in the record, every byte fetched through the recording proxy.
 */
class VideoCaptureTest {
    @TempDir
    static Path tmp;
    static VideoSite site;
    static CaptureCase kase;
    static Capturer capturer;

    @BeforeAll
    static void start() throws Exception {
        site = VideoSite.start();
        kase = new CaptureCase(tmp);
        capturer = kase.capturer(CaptureCase.TIMEOUTS);
    }

    @AfterAll
    static void stop() {
        kase.close();
        site.close();
    }

    @Test
    void anHlsPageKeepsTheBestRenditionWhateverThePlayerPicked() throws Exception {
        VideoSite.VideoStream stream = site.hlsTs();
        CaptureResult r = capturer.capture(site.https(stream.page()).toString(), Map.of());
        VideoRecord v = only(r, "hls");
        assertKeptFrameExact(r, v, stream.best(), stream.duration());
        assertThat(v.url()).isEqualTo(site.https(stream.manifest()).toString());
        assertThat(v.rendition().bandwidth()).isEqualTo(stream.best().bandwidth());
        assertThat(v.segments()).isEqualTo(stream.best().segments().size());
        // the player stayed on the lowest rendition; Exhibit fetched the best one itself, through the proxy
        assertThat(site.requests(q -> q.path().contains("/" + stream.best().name() + "/"))).isNotEmpty();
        assertThat(r.record().steps()).anySatisfy(s -> {
            assertThat(s.name()).isEqualTo("video");
            assertThat(s.message()).contains("through the recording proxy", stream.best().resolution());
        });
        assertThat(Files.readString(r.folder().resolve("page.html"))).contains(VideoSite.UPLOADER);
    }

    @Test
    void anEncryptedFmp4HlsPageIsDecryptedAndKeptFrameExact() throws Exception {
        VideoSite.VideoStream stream = site.hlsFmp4Aes();
        CaptureResult r = capturer.capture(site.https(stream.page()).toString(), Map.of());
        assertKeptFrameExact(r, only(r, "hls"), stream.best(), stream.duration());
    }

    @Test
    void aDashPageKeepsTheBestVideoWithItsAudio() throws Exception {
        VideoSite.VideoStream stream = site.dash();
        CaptureResult r = capturer.capture(site.https(stream.page()).toString(), Map.of());
        VideoRecord v = only(r, "dash");
        assertKeptFrameExact(r, v, stream.best(), stream.duration());
        assertThat(Clips.probe(r.folder().resolve(v.file()).toString(), "stream=codec_type")).contains("codec_type=audio");
    }

    @Test
    void aProgressiveVideoLoadedInRangesIsKeptWhole() throws Exception {
        CaptureResult r = capturer.capture(site.https(VideoSite.PROGRESSIVE_PAGE).toString(), Map.of());
        VideoRecord v = only(r, "progressive");
        assertThat(v.complete()).isTrue();
        assertThat(Sha256.of(r.folder().resolve(v.file())).hex())
                .isEqualTo(Sha256.of(site.reference("clip.mp4")).hex());
        assertHashesRecorded(r, v);
    }

    @Test
    void downloadLinksAreFetchedAndKept() throws Exception {
        CaptureResult r = capturer.capture(site.https(VideoSite.DOWNLOAD_PAGE).toString(), Map.of());
        List<VideoRecord> links = r.record().videos().stream().filter(v -> v.kind().equals("link")).toList();
        assertThat(links).extracting(v -> Sha256.of(r.folder().resolve(v.file())).hex()).contains(
                Sha256.of(site.reference("clip.webm")).hex(), Sha256.of(site.reference("clip.mp4")).hex());
        assertThat(links).allSatisfy(v -> assertHashesRecorded(r, v));
        assertThat(r.record().artifacts()).anySatisfy(a -> {
            assertThat(a.path()).endsWith(".webm");
            assertThat(a.mediaType()).isEqualTo("video/webm");
        });
    }

    @Test
    void aVideoInACrossOriginFrameIsKept() throws Exception {
        CaptureResult r = capturer.capture(site.https(VideoSite.IFRAME_PAGE).toString(), Map.of());
        assertThat(r.record().videos()).isNotEmpty().anySatisfy(v -> {
            assertThat(v.url()).startsWith(site.crossOriginUrl("/").toString());
            assertThat(v.complete()).isTrue();
        });
    }

    @Test
    void aNeverEndingLiveStreamIsRecordedForItsBoundAndThePageIsPartial() throws Exception {
        Capturer bounded = bounded(new VideoOptions(50_000_000L, Duration.ofSeconds(60), Duration.ofSeconds(6), true));
        try (bounded) {
            Instant t0 = Instant.now();
            CaptureResult r = bounded.capture(site.https(VideoSite.LIVE_PAGE).toString(), Map.of());
            VideoRecord v = only(r, "hls");
            assertThat(v.live()).isTrue();
            assertThat(v.complete()).isFalse();
            assertThat(v.file()).isNotNull();
            assertThat(v.segmentsFetched()).isPositive();
            assertThat(r.record().outcome()).isEqualTo(CaptureOutcome.PARTIAL);
            assertThat(r.record().warnings()).anySatisfy(w -> assertThat(w).contains("live stream", "recorded for 6 s"));
            assertThat(Duration.between(t0, Instant.now())).isLessThan(Duration.ofSeconds(90));
        }
    }

    @Test
    void aVideoCutByTheByteBoundIsKeptAsFarAsItGotAndThePageIsPartial() throws Exception {
        VideoSite.VideoStream stream = site.hlsTs();
        long firstSegment = Files.size(site.reference(stream.best().reference())) / stream.best().segments().size();
        Capturer bounded = bounded(new VideoOptions(firstSegment * 2, Duration.ofSeconds(60), Duration.ofSeconds(6),
                true));
        try (bounded) {
            CaptureResult r = bounded.capture(site.https(stream.page()).toString(), Map.of());
            VideoRecord v = only(r, "hls");
            assertThat(v.complete()).isFalse();
            assertThat(v.segmentsFetched()).isLessThan(v.segments());
            assertThat(r.record().outcome()).isEqualTo(CaptureOutcome.PARTIAL);
            assertThat(r.record().warnings()).anySatisfy(w -> assertThat(w).contains("--max-media-bytes"));
        }
    }

    /** A capturer of this case with other bounds for videos; the caller closes it. */
    private static Capturer bounded(VideoOptions videos) {
        return new Capturer(kase.ws, kase.dana.publicInfo(), CaptureOptions.defaults()
                .withTimeouts(CaptureCase.TIMEOUTS).withTimestamper(kase.timestamper()).withVideos(videos));
    }

    private static VideoRecord only(CaptureResult r, String kind) {
        List<VideoRecord> of = r.record().videos().stream().filter(v -> v.kind().equals(kind)).toList();
        assertThat(of).as(r.record().videos() + " / " + r.record().warnings()).hasSize(1);
        return of.get(0);
    }

    private static void assertKeptFrameExact(CaptureResult r, VideoRecord v, VideoSite.Rendition best,
                                             Duration duration) throws Exception {
        CaptureRecord rec = r.record();
        assertThat(v.complete()).as(v.warnings().toString()).isTrue();
        assertThat(rec.outcome()).as(rec.warnings().toString()).isEqualTo(CaptureOutcome.COMPLETE);
        assertThat(v.rendition().width()).isEqualTo(best.width());
        assertThat(v.rendition().height()).isEqualTo(best.height());
        assertThat(v.segmentsFetched()).isEqualTo(v.segments());
        Path kept = r.folder().resolve(v.file());
        String probed = Clips.probe(kept.toString(), "format=duration");
        double seconds = Double.parseDouble(probed.substring(probed.indexOf('=') + 1).strip());
        assertThat(seconds).isCloseTo(duration.toMillis() / 1000.0, org.assertj.core.data.Offset.offset(0.1));
        assertThat(Clips.videoFrameDigests(kept.toString()))
                .isEqualTo(Clips.videoFrameDigests(site.reference(best.reference()).toString()));
        assertHashesRecorded(r, v);
        assertThat(v.exchanges()).isNotEmpty();
    }

    private static void assertHashesRecorded(CaptureResult r, VideoRecord v) {
        try {
            Path kept = r.folder().resolve(v.file());
            Artifact a = r.record().artifacts().stream().filter(x -> x.path().equals(v.file())).findFirst().orElseThrow();
            assertThat(a.role()).isEqualTo("video");
            assertThat(a.sha256()).isEqualTo(Sha256.of(kept).hex());
            assertThat(kept.getFileName().toString()).startsWith(a.sha256());
            assertThat(a.md5()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                    .digest(Files.readAllBytes(kept))));
            assertThat(VpdqHashFile.read(r.folder().resolve(v.vpdq())).frames()).isNotEmpty();
            // kept once: not again among the resources extracted from the WARC
            assertThat(r.record().artifacts()).filteredOn(x -> x.role().equals("resource"))
                    .noneMatch(x -> x.sha256().equals(a.sha256()));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
