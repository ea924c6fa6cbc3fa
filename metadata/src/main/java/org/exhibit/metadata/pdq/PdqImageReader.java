package org.exhibit.metadata.pdq;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes an image file for hashing within a memory budget. The declared size is read first; images are
 * decoded with source subsampling so that the long side is at most {@link #WORKING_SIDE} pixels, and their
 * luminance is then averaged down to about {@link #HASHING_SIDE} (the C++ reference likewise shrinks
 * anything over 512 before filtering). Images over {@link #LARGE_PIXELS} pixels
 * are hashed with a warning, images over {@link #MAX_PIXELS} are refused. The first frame of an animation is
 * used; CMYK and YCCK JPEGs are converted from their raw raster; EXIF orientation is applied.
 */
public final class PdqImageReader {
    /** Longest side decoded; past it the decoder keeps every n-th pixel. */
    public static final int WORKING_SIDE = 2048;
    /**
     * Long side the luminance is averaged down to before PDQ's own filtering, by the whole factor that comes
     * nearest (so the long side ends between 2/3 and 4/3 of this): the tent filter at full size costs more
     * than the decoding, and the averaging changes the hash no more than decoder differences do.
     */
    public static final int HASHING_SIDE = 512;
    /** Pixel count from which the record says the hash came from a subsample of a very large image. */
    public static final long LARGE_PIXELS = 50_000_000L;
    /** Pixel count past which an image is not decoded at all. */
    public static final long MAX_PIXELS = 1_000_000_000L;

    /** Decodes a file, reading its EXIF orientation with metadata-extractor. */
    public DecodedImage read(Path file) throws IOException {
        return read(file, exifOrientation(file));
    }

    /**
     * Decodes a file whose EXIF orientation (1-8, or 0 when absent) the caller already knows.
     *
     * @throws UnreadableImageException when there is no decoder, the data is corrupt, or the image is too large
     */
    public DecodedImage read(Path file, int orientation) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                throw new UnreadableImageException("cannot open " + file.getFileName() + " for decoding");
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new UnreadableImageException(noDecoder(file));
            }
            ImageReader reader = readers.next();
            try {
                JpegMarkers markers = "jpeg".equals(format(reader)) ? JpegMarkers.read(in) : null;
                reader.setInput(in, true, false);
                return decode(reader, orientation, markers);
            } catch (UnreadableImageException e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                throw new UnreadableImageException("corrupt or truncated " + format(reader) + " image: " + reason(e), e);
            } finally {
                reader.dispose();
            }
        }
    }

    private DecodedImage decode(ImageReader reader, int orientation, JpegMarkers jpeg) throws IOException {
        String format = format(reader);
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        long pixels = (long) width * height;
        if (width < 1 || height < 1) {
            throw new UnreadableImageException("expected a positive image size, got " + width + " x " + height);
        }
        if (pixels > MAX_PIXELS) {
            throw new UnreadableImageException("image is " + width + " x " + height + " (" + pixels / 1_000_000
                    + " MP), over the " + MAX_PIXELS / 1_000_000 + " MP limit: not decoded, no PDQ hash");
        }
        List<String> warnings = new ArrayList<>();
        int step = (Math.max(width, height) + WORKING_SIDE - 1) / WORKING_SIDE;
        if (pixels > LARGE_PIXELS) {
            warnings.add("image is " + width + " x " + height + " (" + pixels / 1_000_000 + " MP), over the "
                    + LARGE_PIXELS / 1_000_000 + " MP budget: PDQ hashed from every " + step + "th pixel");
        }
        ImageReadParam param = reader.getDefaultReadParam();
        param.setSourceSubsampling(step, step, 0, 0);
        reader.addIIOReadWarningListener((source, message) -> warnings.add(format + " decoder: " + message));
        Luma luma;
        if (jpeg != null && jpeg.components() == 4) {
            luma = cmyk(reader, param, jpeg.adobeTransform(), warnings);
        } else {
            BufferedImage img = reader.read(0, param);
            luma = Luma.of(img, reduction(img.getWidth(), img.getHeight()));
        }
        Dihedral upright = Dihedral.uprightFromExifOrientation(orientation);
        return new DecodedImage(luma.transform(upright), width, height, step, format, warnings);
    }

    /** The whole factor that brings the long side of a decoded image nearest to {@link #HASHING_SIDE}. */
    static int reduction(int width, int height) {
        return Math.max(1, (Math.max(width, height) + HASHING_SIDE / 2) / HASHING_SIDE);
    }

    private static Luma cmyk(ImageReader reader, ImageReadParam param, int transform, List<String> warnings)
            throws IOException {
        java.awt.image.Raster raster = reader.readRaster(0, param);
        if (raster.getNumBands() != 4) {
            throw new UnreadableImageException("unsupported JPEG colour layout: " + raster.getNumBands() + " channels");
        }
        warnings.add((transform == 2 ? "YCCK" : "CMYK") + " JPEG: converted to RGB without its ICC profile");
        return Luma.averaged(CmykLuma.rows(raster, transform >= 0, transform == 2), raster.getHeight(),
                raster.getWidth(), reduction(raster.getWidth(), raster.getHeight()));
    }

    /** EXIF orientation 1-8, or 0 when the file has none or its metadata cannot be read. */
    public static int exifOrientation(Path file) {
        try {
            Metadata md = ImageMetadataReader.readMetadata(file.toFile());
            ExifIFD0Directory ifd0 = md.getFirstDirectoryOfType(ExifIFD0Directory.class);
            if (ifd0 != null && ifd0.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
                return ifd0.getInt(ExifIFD0Directory.TAG_ORIENTATION);
            }
        } catch (Exception e) {
            // no readable orientation: the pixels are taken as stored
        }
        return 0;
    }

    private static String noDecoder(Path file) throws IOException {
        byte[] head = new byte[12];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, 12);
        }
        if (n == 12 && new String(head, 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1).equals("RIFF")
                && new String(head, 8, 4, java.nio.charset.StandardCharsets.ISO_8859_1).equals("WEBP")) {
            return "no WebP decoder is installed: no PDQ hash";
        }
        return "no image decoder recognises this file (" + n + " bytes read): no PDQ hash";
    }

    private static String format(ImageReader reader) {
        try {
            return reader.getFormatName().toLowerCase(Locale.ROOT);
        } catch (IOException e) {
            return "image";
        }
    }

    private static String reason(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
