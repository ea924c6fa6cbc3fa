package org.exhibit.metadata.vpdq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.exhibit.metadata.TestData;
import org.exhibit.metadata.pdq.PdqHash;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VpdqHashFileTest {
    private static final String HEX = "dadb999c25266273529cadac89cb52c22324ad3bce99726c38668d93c799f07c";

    @Test
    void theReferencesHashFileIsWrittenBackByteForByte(@TempDir Path dir) throws IOException {
        Path reference = TestData.resource("vpdq/doorknob-hd-no-bar.txt");
        VpdqHash hash = VpdqHashFile.read(reference);
        assertThat(hash.size()).isEqualTo(120);
        assertThat(hash.frames().get(119)).isEqualTo(new VpdqFrame(119, 74,
                new PdqHash("b4b64a53b4b64b4ba4b4a4b424a6b4b44b4bb4b4a4b60b95955f4a4bb5b62eb5", 74), 3.967));

        Path copy = dir.resolve("copy.txt");
        VpdqHashFile.write(hash, copy);
        assertThat(Files.readAllBytes(copy)).isEqualTo(Files.readAllBytes(reference));
    }

    @Test
    void timestampsRoundLikePrintfFromTheExactBinaryValueTiesToEven() {
        assertThat(VpdqHashFile.seconds(1 / 16.0)).isEqualTo("0.062"); // 0.0625 exactly
        assertThat(VpdqHashFile.seconds(3 / 16.0)).isEqualTo("0.188"); // 0.1875 exactly
        assertThat(VpdqHashFile.seconds((float) 1 / (float) 30)).isEqualTo("0.033");
        assertThat(VpdqHashFile.seconds(0.0005)).isEqualTo("0.001"); // just above 0.0005 in binary
        assertThat(VpdqHashFile.seconds(3600)).isEqualTo("3600.000");
    }

    @Test
    void aLineThatIsNotFourFieldsIsRefusedNamingItsLineAndFile() {
        String text = "0,100," + HEX + ",0.000\n1,100," + HEX + "\n";
        assertThatThrownBy(() -> VpdqHashFile.parse(text, "clip.txt"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("line 2 of clip.txt: expected frame_number,quality,pdq_hex,timestamp_seconds,"
                        + " got \"1,100," + HEX + "\"");
    }

    @Test
    void aHashOfTheWrongLengthIsRefusedSayingWhatWasExpected() {
        assertThatThrownBy(() -> VpdqHashFile.parse("0,100,abc,0.000\n", "clip.txt"))
                .hasMessageContaining("line 1 of clip.txt")
                .hasMessageContaining("expected a PDQ hash of 64 hex characters, got abc");
    }

    @Test
    void framesOutOfOrderAndEmptyFilesAreRefused() {
        String text = "30,100," + HEX + ",1.000\n0,100," + HEX + ",0.000\n";
        assertThatThrownBy(() -> VpdqHashFile.parse(text, "clip.txt"))
                .hasMessage("clip.txt: expected frames in increasing frame number, got frame 0 after frame 30");
        assertThatThrownBy(() -> VpdqHashFile.parse("", "empty.txt"))
                .hasMessageStartingWith("no frames in empty.txt");
    }

    @Test
    void windowsLineEndsAndAMissingFinalLineFeedReadTheSame() {
        VpdqHash unix = VpdqHashFile.parse("0,100," + HEX + ",0.000\n1,99," + HEX + ",0.033\n", "a");
        VpdqHash windows = VpdqHashFile.parse("0,100," + HEX + ",0.000\r\n1,99," + HEX + ",0.033", "b");
        assertThat(windows).isEqualTo(unix);
        assertThat(unix.frames()).extracting(VpdqFrame::quality).isEqualTo(List.of(100, 99));
    }
}
