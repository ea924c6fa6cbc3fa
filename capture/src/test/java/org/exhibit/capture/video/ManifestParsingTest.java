package org.exhibit.capture.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The playlist and manifest forms players meet, read as the harvester needs them. */
class ManifestParsingTest {
    @Test
    void theBestVariantIsTheOneWithTheMostBandwidthWhateverTheOrder() {
        HlsPlaylist.Master m = HlsPlaylist.master("""
                #EXTM3U
                #EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="aud",NAME="en",DEFAULT=NO,URI="audio/en.m3u8"
                #EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="aud",NAME="fr",DEFAULT=YES,URI="audio/fr.m3u8"
                #EXT-X-STREAM-INF:BANDWIDTH=200000,RESOLUTION=320x180,CODECS="avc1.64000c,mp4a.40.2",AUDIO="aud"
                low/index.m3u8
                #EXT-X-STREAM-INF:BANDWIDTH=900000,RESOLUTION=640x360,CODECS="avc1.64001e,mp4a.40.2",AUDIO="aud"
                https://cdn.example/high/index.m3u8?token=a,b
                """, "https://video.example/watch/master.m3u8");
        HlsPlaylist.Variant best = m.best();
        assertThat(best.uri()).isEqualTo("https://cdn.example/high/index.m3u8?token=a,b");
        assertThat(best.bandwidth()).isEqualTo(900_000);
        assertThat(best.width()).isEqualTo(640);
        assertThat(best.codecs()).isEqualTo("avc1.64001e,mp4a.40.2");
        assertThat(m.audioOf(best).uri()).isEqualTo("https://video.example/watch/audio/fr.m3u8");
        assertThat(m.variants().get(0).uri()).isEqualTo("https://video.example/watch/low/index.m3u8");
    }

    @Test
    void aMediaPlaylistGivesSegmentsWithTheirKeyMapAndSequence() {
        HlsPlaylist.Media p = HlsPlaylist.media("""
                #EXTM3U
                #EXT-X-TARGETDURATION:2
                #EXT-X-MEDIA-SEQUENCE:7
                #EXT-X-MAP:URI="init.mp4"
                #EXT-X-KEY:METHOD=AES-128,URI="../keys/k1.key",IV=0x00000000000000000000000000000001
                #EXTINF:2.000,
                seg7.m4s
                #EXTINF:1.500,title
                seg8.m4s
                """, "https://v.example/a/b/index.m3u8");
        assertThat(p.ended()).isFalse();
        assertThat(p.firstSequence()).isEqualTo(7);
        assertThat(p.segments()).extracting(HlsPlaylist.Segment::sequence).containsExactly(7L, 8L);
        assertThat(p.segments().get(1).duration()).isEqualTo(1.5);
        assertThat(p.segments().get(0).map()).isEqualTo("https://v.example/a/b/init.mp4");
        assertThat(p.segments().get(0).key().uri()).isEqualTo("https://v.example/a/keys/k1.key");
        assertThat(p.segments().get(0).key().iv()).isEqualTo("0x00000000000000000000000000000001");
        assertThat(HlsPlaylist.media("#EXTM3U\n#EXTINF:1,\na.ts\n#EXT-X-ENDLIST\n", "https://v.example/x.m3u8")
                .ended()).isTrue();
    }

    @Test
    void aDashTimelineTemplateGivesEverySegmentOfTheBestVideoAndAudio() throws Exception {
        List<DashManifest.Representation> reps = DashManifest.parse("""
                <?xml version="1.0"?>
                <MPD xmlns="urn:mpeg:dash:schema:mpd:2011" mediaPresentationDuration="PT6.0S" type="static">
                  <Period>
                    <AdaptationSet contentType="video" mimeType="video/mp4">
                      <SegmentTemplate timescale="1000" initialization="init-$RepresentationID$.m4s"
                          media="chunk-$RepresentationID$-$Number%05d$.m4s" startNumber="1">
                        <SegmentTimeline><S t="0" d="2000" r="2"/></SegmentTimeline>
                      </SegmentTemplate>
                      <Representation id="0" bandwidth="800000" width="640" height="360" codecs="avc1.64001e"/>
                      <Representation id="1" bandwidth="200000" width="320" height="180" codecs="avc1.64000c"/>
                    </AdaptationSet>
                    <AdaptationSet contentType="audio" mimeType="audio/mp4">
                      <Representation id="2" bandwidth="128000" codecs="mp4a.40.2">
                        <SegmentTemplate timescale="48000" duration="96000" initialization="a-init.m4s"
                            media="a-$Number$.m4s"/>
                      </Representation>
                    </AdaptationSet>
                  </Period>
                </MPD>""", "https://v.example/dash/stream.mpd");
        DashManifest.Representation video = DashManifest.best(reps, true);
        assertThat(video.id()).isEqualTo("0");
        assertThat(video.init()).isEqualTo("https://v.example/dash/init-0.m4s");
        assertThat(video.segments()).containsExactly("https://v.example/dash/chunk-0-00001.m4s",
                "https://v.example/dash/chunk-0-00002.m4s", "https://v.example/dash/chunk-0-00003.m4s");
        DashManifest.Representation audio = DashManifest.best(reps, false);
        assertThat(audio.segments()).containsExactly("https://v.example/dash/a-1.m4s", "https://v.example/dash/a-2.m4s",
                "https://v.example/dash/a-3.m4s");
    }

    @Test
    void aManifestWithADoctypeIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DashManifest.parse(
                "<?xml version=\"1.0\"?><!DOCTYPE MPD [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><MPD>&x;</MPD>",
                "https://v.example/evil.mpd")).hasMessageContaining("https://v.example/evil.mpd: not a readable DASH");
    }
}
