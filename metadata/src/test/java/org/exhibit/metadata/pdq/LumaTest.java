package org.exhibit.metadata.pdq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast paths against the plain definitions: Rec. 601 luminance of getRGB, block means, moving averages. */
class LumaTest {
    @ParameterizedTest
    @ValueSource(ints = {BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_4BYTE_ABGR, BufferedImage.TYPE_INT_RGB,
            BufferedImage.TYPE_INT_ARGB})
    void luminanceEqualsTheRec601WeightsOfGetRgbExactly(int type) {
        BufferedImage img = noise(37, 23, type);
        Luma luma = Luma.of(img);
        assertThat(luma.rows()).isEqualTo(23);
        assertThat(luma.cols()).isEqualTo(37);
        for (int y = 0; y < 23; y++) {
            for (int x = 0; x < 37; x++) {
                int p = img.getRGB(x, y);
                float expected = Luma.R * ((p >> 16) & 0xff) + Luma.G * ((p >> 8) & 0xff) + Luma.B * (p & 0xff);
                assertThat(luma.values()[y * 37 + x]).as("(%d, %d)", x, y).isEqualTo(expected);
            }
        }
    }

    @Test
    void rgb24FramesGiveTheSameLuminanceAsTheImageWithThosePixels() {
        BufferedImage img = noise(37, 23, BufferedImage.TYPE_INT_RGB);
        byte[] rgb = new byte[37 * 23 * 3];
        for (int y = 0, p = 0; y < 23; y++) {
            for (int x = 0; x < 37; x++) {
                int c = img.getRGB(x, y);
                rgb[p++] = (byte) (c >> 16);
                rgb[p++] = (byte) (c >> 8);
                rgb[p++] = (byte) c;
            }
        }
        Luma frame = Luma.ofRgb24(rgb, 37, 23);
        assertThat(frame.rows()).isEqualTo(23);
        assertThat(frame.cols()).isEqualTo(37);
        assertThat(frame.values()).containsExactly(Luma.of(img).values());
    }

    @Test
    void rgb24OfTheWrongLengthNamesTheSizeItExpected() {
        assertThatThrownBy(() -> Luma.ofRgb24(new byte[100], 6, 6))
                .hasMessage("expected 108 bytes of RGB24 for 6 x 6 pixels, got 100");
    }

    @Test
    void greyLuminanceIsTheGreyLevelItself() {
        BufferedImage img = noise(19, 11, BufferedImage.TYPE_BYTE_GRAY);
        Luma luma = Luma.of(img);
        for (int y = 0; y < 11; y++) {
            for (int x = 0; x < 19; x++) {
                assertThat(luma.values()[y * 19 + x]).isEqualTo(img.getRaster().getSample(x, y, 0));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_BYTE_GRAY, BufferedImage.TYPE_INT_RGB})
    void reducedLuminanceIsTheMeanOfEachBlockIncludingThePartialOnesAtTheEdges(int type) {
        BufferedImage img = noise(37, 23, type);
        float[] full = Luma.of(img).values();
        Luma reduced = Luma.of(img, 4);
        assertThat(reduced.cols()).isEqualTo(10);
        assertThat(reduced.rows()).isEqualTo(6);
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 10; j++) {
                double sum = 0;
                int n = 0;
                for (int y = 4 * i; y < Math.min(23, 4 * i + 4); y++) {
                    for (int x = 4 * j; x < Math.min(37, 4 * j + 4); x++) {
                        sum += full[y * 37 + x];
                        n++;
                    }
                }
                assertThat((double) reduced.values()[i * 10 + j]).as("block (%d, %d)", i, j)
                        .isCloseTo(sum / n, within(1e-3));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 7, 40})
    void columnFilterIsTheMeanOfTheInputsInsideTheWindow(int window) {
        int rows = 31;
        int cols = 5;
        float[] in = randomSamples(rows * cols, window);
        float[] out = new float[in.length];
        BoxFilter.applyColumns(in, out, rows, cols, window);
        int half = (window + 2) / 2;
        for (int c = 0; c < cols; c++) {
            for (int k = 0; k < rows; k++) {
                double sum = 0;
                int n = 0;
                for (int i = k - (window - half); i <= k + half - 1; i++) {
                    if (i >= 0 && i < rows) {
                        sum += in[i * cols + c];
                        n++;
                    }
                }
                assertThat((double) out[k * cols + c]).as("column %d row %d", c, k).isCloseTo(sum / n, within(1e-3));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 5, 40})
    void oneRowOfTheColumnFilterAloneEqualsThatRowOfTheWholePass(int window) {
        int rows = 23;
        int cols = 7;
        float[] in = randomSamples(rows * cols, window);
        float[] all = new float[in.length];
        BoxFilter.applyColumns(in, all, rows, cols, window);
        float[] one = new float[cols + 3];
        for (int k = 0; k < rows; k++) {
            BoxFilter.meanAt(in, rows, cols, window, k, one, 3);
            for (int c = 0; c < cols; c++) {
                assertThat(one[3 + c]).as("row %d column %d", k, c).isCloseTo(all[k * cols + c], within(1e-3f));
            }
        }
    }

    @Test
    void filteringColumnsFirstGivesTheReferenceOrdersResult() {
        int rows = 300;
        int cols = 451;
        float[] values = Luma.of(noise(cols, rows, BufferedImage.TYPE_3BYTE_BGR)).values();
        float[][] ours = PdqHasher.downsample(new Luma(values, rows, cols));
        // the reference's order: rows then columns, twice, each a plain moving average
        double[] a = new double[values.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = values[i];
        }
        for (int pass = 0; pass < 2; pass++) {
            a = along(a, rows, cols, (cols + 127) / 128, true);
            a = along(a, rows, cols, (rows + 127) / 128, false);
        }
        for (int i = 0; i < 64; i++) {
            for (int j = 0; j < 64; j++) {
                double expected = a[(int) ((i + 0.5) * rows / 64) * cols + (int) ((j + 0.5) * cols / 64)];
                assertThat((double) ours[i][j]).isCloseTo(expected, within(1e-2));
            }
        }
    }

    private static double[] along(double[] in, int rows, int cols, int window, boolean alongRows) {
        double[] out = new double[in.length];
        int half = (window + 2) / 2;
        int length = alongRows ? cols : rows;
        for (int line = 0; line < (alongRows ? rows : cols); line++) {
            for (int k = 0; k < length; k++) {
                double sum = 0;
                int n = 0;
                for (int i = Math.max(0, k - (window - half)); i <= Math.min(length - 1, k + half - 1); i++) {
                    sum += in[alongRows ? line * cols + i : i * cols + line];
                    n++;
                }
                out[alongRows ? line * cols + k : k * cols + line] = sum / n;
            }
        }
        return out;
    }

    private static BufferedImage noise(int w, int h, int type) {
        BufferedImage img = new BufferedImage(w, h, type);
        Random rnd = new Random(w * 31L + h + type);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, rnd.nextInt());
            }
        }
        return img;
    }

    /** {@code n} luminance values in [0, 255), the same for the same seed. */
    private static float[] randomSamples(int n, long seed) {
        float[] values = new float[n];
        Random rnd = new Random(seed);
        for (int i = 0; i < n; i++) {
            values[i] = rnd.nextFloat() * 255;
        }
        return values;
    }
}
