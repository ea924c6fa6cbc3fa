package org.exhibit.metadata.vpdq;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.exhibit.metadata.TestData;
import org.exhibit.metadata.pdq.PdqHash;
import org.junit.jupiter.api.Test;

class VpdqMatcherTest {
    private final VpdqMatcher matcher = new VpdqMatcher();

    @Test
    void aClipOfTheReferencesLongerVideoMatchesItAndSaysWhereInIt() throws IOException {
        // pattern-hd-no-bar is the first 6.9 s of pattern-longer-no-bar (7.8 s): hashes as the reference made them
        VpdqHash clip = VpdqHashFile.read(TestData.resource("vpdq/pattern-hd-no-bar.txt"));
        VpdqHash longer = VpdqHashFile.read(TestData.resource("vpdq/pattern-longer-no-bar.txt"));

        VpdqMatch m = matcher.match(clip, longer);
        assertThat(m.match()).isTrue();
        assertThat(m.queryShare()).isEqualTo(100.0);
        assertThat(m.targetShare()).isBetween(80.0, 90.0); // the longer video's last second is not in the clip
        assertThat(m.frames()).hasSize((int) clip.frames().stream().filter(f -> f.quality() >= 50).count());
        assertThat(m.frames()).allSatisfy(f -> {
            assertThat(f.target().timestampSeconds()).isBetween(f.query().timestampSeconds() - 0.1,
                    f.query().timestampSeconds() + 0.1);
            assertThat(f.distance()).isLessThanOrEqualTo(VpdqMatcher.DISTANCE);
        });

        VpdqMatch reverse = matcher.match(longer, clip);
        assertThat(reverse.queryShare()).isEqualTo(m.targetShare());
        assertThat(reverse.match()).isTrue(); // 87.9% of the longer video is in the clip: over 80%
    }

    @Test
    void spansSayWhereInBothVideosTheMatchingFramesAre() throws IOException {
        VpdqHash clip = VpdqHashFile.read(TestData.resource("vpdq/pattern-hd-no-bar.txt"));
        VpdqHash longer = VpdqHashFile.read(TestData.resource("vpdq/pattern-longer-no-bar.txt"));
        assertThat(matcher.match(clip, longer).spans()).singleElement().satisfies(s -> {
            assertThat(s.queryFrom()).isEqualTo(0.0);
            assertThat(s.queryTo()).isBetween(6.5, 7.0);
            assertThat(s.targetFrom()).isBetween(0.0, 0.1);
            assertThat(s.targetTo()).isBetween(s.queryTo() - 0.1, s.queryTo() + 0.1);
        });

        PdqHash[] t = new PdqHash[8];
        for (int i = 0; i < t.length; i++) {
            t[i] = hash(10 + i);
        }
        // seconds 0-2 of the query are seconds 4-6 of the target, 3-6 something else, 7-8 the target's 0-1
        VpdqHash query = video(t[4], t[5], t[6], hash(30), hash(31), hash(32), hash(33), t[0], t[1]);
        assertThat(matcher.match(query, video(t)).spans()).containsExactly(new VpdqSpan(0, 2, 4, 6, 3),
                new VpdqSpan(7, 8, 0, 1, 2));
        assertThat(matcher.match(video(hash(40)), video(t)).spans()).isEmpty();
    }

    @Test
    void differentSampleVideosDoNotMatch() throws IOException {
        VpdqHash pattern = VpdqHashFile.read(TestData.resource("vpdq/pattern-longer-no-bar.txt"));
        VpdqHash door = VpdqHashFile.read(TestData.resource("vpdq/doorknob-hd-no-bar.txt"));
        VpdqMatch m = matcher.match(door, pattern);
        assertThat(m.match()).isFalse();
        assertThat(m.queryShare()).isZero();
        assertThat(m.frames()).isEmpty();
        assertThat(m.queryCompared()).isEqualTo(60); // of 120 frames, the fade to black is under quality 50
    }

    @Test
    void framesMatchAtThirtyOneBitsButNotThirtyTwo() {
        PdqHash a = hash(1);
        VpdqHash query = video(a);
        assertThat(matcher.match(query, video(flip(a, 31))).match()).isTrue();
        assertThat(matcher.match(query, video(flip(a, 32))).match()).isFalse();
        assertThat(matcher.match(query, video(flip(a, 31))).frames().get(0).distance()).isEqualTo(31);
    }

    @Test
    void framesUnderQualityFiftyTakeNoPart() {
        PdqHash good = hash(2);
        PdqHash weak = new PdqHash(good.hex(), 49);
        assertThat(matcher.match(video(weak), video(good)).match()).isFalse();
        assertThat(matcher.match(video(weak), video(good)).queryCompared()).isZero();
        assertThat(matcher.match(video(new PdqHash(good.hex(), 50)), video(good)).match()).isTrue();
    }

    @Test
    void aRepeatedFrameCountsOnceInTheSharesButEveryTimeInWhereItMatched() {
        PdqHash still = hash(3);
        PdqHash other = hash(4);
        // 4 frames of one still and 1 other frame: 2 distinct frames, half of which are in the target
        VpdqMatch m = matcher.match(video(still, still, still, still, other), video(still));
        assertThat(m.queryCompared()).isEqualTo(2);
        assertThat(m.queryShare()).isEqualTo(50.0);
        assertThat(m.match()).isFalse();
        assertThat(m.frames()).extracting(f -> f.query().frameNumber()).containsExactly(0, 30, 60, 90);
    }

    @Test
    void theTargetShareIsAThresholdToo() {
        PdqHash a = hash(5);
        VpdqHash target = video(a, hash(6), hash(7), hash(8));
        assertThat(matcher.match(video(a), target).match()).isTrue(); // all of the query, a quarter of the target
        assertThat(new VpdqMatcher(31, 50, 80, 50).match(video(a), target).match()).isFalse();
        assertThat(new VpdqMatcher(31, 50, 80, 25).match(video(a), target).match()).isTrue();
    }

    /** A random-looking but fixed hash; different seeds give hashes about 128 bits apart. */
    private static PdqHash hash(int seed) {
        java.util.Random r = new java.util.Random(seed);
        return new PdqHash(String.format("%064x", new BigInteger(256, r)), 100);
    }

    private static PdqHash flip(PdqHash h, int bits) {
        BigInteger v = new BigInteger(h.hex(), 16);
        for (int i = 0; i < bits; i++) {
            v = v.flipBit(i * 8);
        }
        return new PdqHash(String.format("%064x", v), h.quality());
    }

    /** Frames one second apart at 30 frames a second. */
    private static VpdqHash video(PdqHash... frames) {
        List<VpdqFrame> out = new ArrayList<>();
        for (int i = 0; i < frames.length; i++) {
            out.add(new VpdqFrame(i * 30, frames[i], i));
        }
        return new VpdqHash(out);
    }
}
