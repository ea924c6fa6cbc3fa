package org.exhibit.metadata.vpdq;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.exhibit.metadata.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The reference's sample videos against its published hashes of every frame (src/test/resources/vpdq,
 * README.md there): same frames, same timestamps, the same quality, each PDQ hash within {@value #TOLERANCE}
 * bits, and the matcher calls the two hashes one video.
 */
class VpdqConformanceTest {
    /** Largest difference measured on these three videos with Debian 12's ffmpeg 5.1 (see README.md). */
    static final int TOLERANCE = 4;

    @ParameterizedTest
    @ValueSource(strings = {"doorknob-hd-no-bar", "test-padded-dimensions", "pattern-sd-grey-bar"})
    void everyFrameHashesLikeTheReference(String name) throws IOException {
        VpdqHash mine = new VpdqHasher(Ffmpeg.onPath(), 0).hash(TestData.resource("vpdq/" + name + ".mp4"));
        VpdqHash reference = VpdqHashFile.read(TestData.resource("vpdq/" + name + ".txt"));

        assertThat(mine.size()).isEqualTo(reference.size());
        int worst = 0;
        int identical = 0;
        for (int i = 0; i < mine.size(); i++) {
            VpdqFrame m = mine.frames().get(i);
            VpdqFrame r = reference.frames().get(i);
            assertThat(m.frameNumber()).isEqualTo(r.frameNumber());
            assertThat(VpdqHashFile.seconds(m.timestampSeconds())).as("frame %d", i)
                    .isEqualTo(VpdqHashFile.seconds(r.timestampSeconds()));
            assertThat(m.quality()).as("quality of frame %d", i).isEqualTo(r.quality());
            int d = m.pdq().distance(r.pdq());
            worst = Math.max(worst, d);
            identical += d == 0 ? 1 : 0;
        }
        System.out.printf("%-24s %3d frames, %3d identical, largest distance %d%n", name, mine.size(), identical,
                worst);
        assertThat(worst).as("largest PDQ distance to the reference's frame").isLessThanOrEqualTo(TOLERANCE);

        VpdqMatch match = new VpdqMatcher().match(mine, reference);
        assertThat(match.match()).isTrue();
        assertThat(match.queryShare()).isEqualTo(100.0);
        assertThat(match.targetShare()).isEqualTo(100.0);
    }

    @Test
    void oneFrameASecondKeepsEveryThirtiethFrameOfA30FpsVideo() throws IOException {
        String name = "pattern-sd-grey-bar";
        VpdqHash mine = new VpdqHasher(Ffmpeg.onPath(), 1).hash(TestData.resource("vpdq/" + name + ".mp4"));
        List<VpdqFrame> reference = VpdqHashFile.read(TestData.resource("vpdq/" + name + ".txt")).frames();

        assertThat(reference).hasSize(206);
        assertThat(mine.frames()).extracting(VpdqFrame::frameNumber).containsExactly(0, 30, 60, 90, 120, 150, 180);
        for (VpdqFrame m : mine.frames()) {
            VpdqFrame r = reference.get(m.frameNumber());
            assertThat(m.pdq().distance(r.pdq())).as("frame %d", m.frameNumber()).isLessThanOrEqualTo(TOLERANCE);
            assertThat(VpdqHashFile.seconds(m.timestampSeconds()))
                    .isEqualTo(VpdqHashFile.seconds(r.timestampSeconds()));
        }
    }
}
