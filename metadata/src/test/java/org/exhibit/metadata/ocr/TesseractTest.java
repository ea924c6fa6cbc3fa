package org.exhibit.metadata.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.exhibit.format.layout.ItemFolder;
import org.exhibit.format.record.Artifact;
import org.exhibit.integrity.digest.Sha256;
import org.exhibit.integrity.workspace.Derivation;
import org.exhibit.metadata.ArtifactInspector;
import org.exhibit.metadata.InspectingDescriber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TesseractTest {
    @TempDir
    Path dir;

    @Test
    void aRenderedChatScreenshotGivesItsHandlesAndDateAsMachineReadText() throws Exception {
        Path png = ChatScreenshot.render(dir.resolve("screenshot.png"));
        String before = Sha256.of(png).hex();
        Artifact original = new ArtifactInspector().inspect(png, "screenshot.png", ItemFolder.ROLE_ORIGINAL);

        Derivation d = new InspectingDescriber(true, true).derive(png, original, dir, png);

        assertThat(d.warnings()).isEmpty();
        Artifact ocr = d.derived().get(0);
        assertThat(ocr.path()).isEqualTo("derived/ocr.txt");
        assertThat(ocr.role()).isEqualTo("derived-ocr");
        assertThat(ocr.ocr().machineRead()).isTrue();
        assertThat(ocr.ocr().engine()).startsWith("tesseract ");
        assertThat(ocr.ocr().image()).isEqualTo("screenshot.png");
        assertThat(ocr.ocr().meanConfidence()).isBetween(50.0, 100.0);
        String text = Files.readString(dir.resolve("derived/ocr.txt"));
        assertThat(text).contains(ChatScreenshot.HANDLE, ChatScreenshot.OTHER, ChatScreenshot.DATE, "pictures");
        assertThat(Sha256.of(dir.resolve("derived/ocr.txt")).hex()).isEqualTo(ocr.sha256());
        assertThat(Sha256.of(png).hex()).isEqualTo(before);
    }

    @Test
    void withoutTesseractTheMessageSaysWhatToInstall() {
        assertThatThrownBy(() -> Tesseract.find(dir.toString()))
                .isInstanceOf(TesseractMissingException.class)
                .hasMessageContaining("tesseract not found on PATH").hasMessageContaining("tesseract-ocr-eng");
    }

    @Test
    void tsvRowsBecomeLinesWithTheMeanConfidenceOfTheirWords() {
        String tsv = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
                + "1\t1\t0\t0\t0\t0\t0\t0\t390\t640\t-1\t\n"
                + "5\t1\t1\t1\t1\t1\t14\t14\t100\t20\t90.5\t@velvet_fox_88\n"
                + "5\t1\t1\t1\t2\t1\t14\t40\t40\t20\t80.5\tpay\n"
                + "5\t1\t1\t1\t2\t2\t60\t40\t40\t20\t70\t500\n";
        OcrText t = Tesseract.parse(tsv);
        assertThat(t.text()).isEqualTo("@velvet_fox_88\npay 500\n");
        assertThat(t.words()).isEqualTo(3);
        assertThat(t.meanConfidence()).isEqualTo(80.3);
    }
}
