package org.exhibit.capture.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DecodedImagesTest {
    @Test
    void theExtensionFollowsTheBlobsTypeElseItsFirstBytes() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10};
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0};
        byte[] webp = "RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(DecodedImages.extension("image/jpeg", png)).isEqualTo("jpg");
        assertThat(DecodedImages.extension("IMAGE/PNG; charset=binary", jpeg)).isEqualTo("png");
        assertThat(DecodedImages.extension("", png)).isEqualTo("png");
        assertThat(DecodedImages.extension("", jpeg)).isEqualTo("jpg");
        assertThat(DecodedImages.extension("application/octet-stream", webp)).isEqualTo("webp");
        assertThat(DecodedImages.extension("", "GIF89a".getBytes(StandardCharsets.US_ASCII))).isEqualTo("gif");
        assertThat(DecodedImages.extension("", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"
                .getBytes(StandardCharsets.UTF_8))).isEqualTo("svg");
        assertThat(DecodedImages.extension(null, new byte[] {1, 2, 3})).isEqualTo("bin");
    }
}
