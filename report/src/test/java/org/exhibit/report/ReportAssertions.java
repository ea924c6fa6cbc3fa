package org.exhibit.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;

/** What a reader of a report can get out of it: its text, its images, its fonts. */
final class ReportAssertions {
    private static final Pattern DATA_PNG = Pattern.compile("data:image/(?:png|jpeg);base64,([A-Za-z0-9+/=]+)");

    private ReportAssertions() {
    }

    static String pdfText(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper s = new PDFTextStripper();
            s.setSortByPosition(true);
            return s.getText(doc);
        }
    }

    /** Every image XObject drawn on any page, decoded. */
    static List<BufferedImage> pdfImages(Path pdf) throws IOException {
        List<BufferedImage> out = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            for (PDPage page : doc.getPages()) {
                PDResources res = page.getResources();
                for (COSName name : res.getXObjectNames()) {
                    PDXObject x = res.getXObject(name);
                    if (x instanceof PDImageXObject img) {
                        out.add(img.getImage());
                    }
                }
            }
        }
        return out;
    }

    /** Fonts used on any page that are not embedded (should be none). */
    static List<String> unembeddedFonts(Path pdf) throws IOException {
        List<String> out = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            for (PDPage page : doc.getPages()) {
                PDResources res = page.getResources();
                for (COSName name : res.getFontNames()) {
                    PDFont f = res.getFont(name);
                    if (!f.isEmbedded()) {
                        out.add(f.getName());
                    }
                }
            }
        }
        return out;
    }

    static int pdfPages(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return doc.getNumberOfPages();
        }
    }

    /** Every data: image (PNG or JPEG) in the HTML, decoded. */
    static List<BufferedImage> htmlImages(String html) throws IOException {
        List<BufferedImage> out = new ArrayList<>();
        for (byte[] png : htmlImageBytes(html)) {
            out.add(ImageIO.read(new ByteArrayInputStream(png)));
        }
        return out;
    }

    static List<byte[]> htmlImageBytes(String html) {
        List<byte[]> out = new ArrayList<>();
        Matcher m = DATA_PNG.matcher(html);
        while (m.find()) {
            out.add(Base64.getDecoder().decode(m.group(1)));
        }
        return out;
    }

    /** True when any 48-byte run of {@code original} (sampled through the file) occurs in {@code haystack}. */
    static boolean containsRunOf(byte[] haystack, byte[] original) {
        String hay = new String(haystack, java.nio.charset.StandardCharsets.ISO_8859_1);
        String needle = new String(original, java.nio.charset.StandardCharsets.ISO_8859_1);
        for (int start = 0; start + 48 <= original.length; start += Math.max(48, original.length / 64)) {
            if (hay.contains(needle.substring(start, start + 48))) {
                return true;
            }
        }
        return false;
    }

    /** Base64 of the original in each of the three byte alignments, a 64-character stretch from its middle. */
    static List<String> base64Runs(byte[] original) {
        List<String> out = new ArrayList<>();
        for (int shift = 0; shift < 3; shift++) {
            int mid = original.length / 2 + shift;
            byte[] chunk = java.util.Arrays.copyOfRange(original, mid, Math.min(original.length, mid + 96));
            out.add(Base64.getEncoder().encodeToString(chunk).substring(4, 68));
        }
        return out;
    }

    static byte[] read(Path p) throws IOException {
        return Files.readAllBytes(p);
    }
}
