package org.exhibit.metadata.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.exhibit.format.json.Json;
import org.exhibit.metadata.TestData;
import org.junit.jupiter.api.Test;

class ImageMetadataReaderTest {
    private final ImageMetadataReader reader = new ImageMetadataReader();

    @Test
    void phonePhotoSummaryHasCameraDatesGpsXmpAndIptc() {
        ImageMetadata md = reader.read(TestData.resource("images/camera.jpg"));

        Map<String, Object> s = md.summary();
        assertThat(s).containsEntry("make", "Google").containsEntry("model", "Pixel 7")
                .containsEntry("software", "HDR+ 1.0")
                .containsEntry("dateTimeOriginal", "2025-06-14T21:37:05+02:00")
                .containsEntry("orientation", 1)
                .containsEntry("creator", "J. Doe")
                .containsEntry("byline", "J. Doe");
        assertThat(s.get("keywords")).asList().containsExactly("sunset");
        Map<?, ?> gps = (Map<?, ?>) s.get("gps");
        assertThat((Double) gps.get("lat")).isCloseTo(48.858222, within(1e-5));
        assertThat((Double) gps.get("lon")).isCloseTo(2.2945, within(1e-5));
        assertThat((Double) gps.get("alt")).isCloseTo(35.5, within(1e-9));
        assertThat(md.warnings()).isEmpty();
    }

    @Test
    void fullDumpIsJsonWithEveryDirectory() throws Exception {
        ImageMetadata md = reader.read(TestData.resource("images/camera.jpg"));
        assertThat(md.full()).containsKeys("Exif IFD0", "GPS", "IPTC", "XMP properties");
        String json = new String(Json.bytes(md.full()), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(json).contains("\"Make\" : \"Google\"").contains("beach at sunset");
    }

    @Test
    void screenshotWithoutExifHasAnEmptySummaryAndNoWarning() {
        ImageMetadata md = reader.read(TestData.resource("images/reference.png"));
        assertThat(md.summary()).isEmpty();
        assertThat(md.orientation()).isZero();
    }

    @Test
    void fileThatIsNoImageGivesAWarningNotAnException() {
        ImageMetadata md = reader.read(TestData.resource("images/make-fixtures.sh"));
        assertThat(md.warnings()).singleElement().asString().startsWith("image metadata unreadable");
    }
}
