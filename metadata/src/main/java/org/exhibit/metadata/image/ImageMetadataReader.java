package org.exhibit.metadata.image;

import com.drew.lang.GeoLocation;
import com.drew.lang.Rational;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.Tag;
import com.drew.metadata.exif.ExifDirectoryBase;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import com.drew.metadata.iptc.IptcDirectory;
import com.drew.metadata.xmp.XmpDirectory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads EXIF, GPS, XMP and IPTC with metadata-extractor into a compact summary and a full dump.
 * Never throws for bad content: an unreadable file gives an empty result with a warning.
 *
 * <pre>{@code
 * ImageMetadata md = new ImageMetadataReader().read(Path.of("IMG_0042.jpg"));
 * md.summary().get("model");                  // "Pixel 7"
 * ((Map<?, ?>) md.summary().get("gps")).get("lat");   // 48.858222
 * }</pre>
 */
public final class ImageMetadataReader {
    private static final int TAG_OFFSET_TIME = 0x9010;
    private static final int TAG_OFFSET_TIME_ORIGINAL = 0x9011;
    private static final int TAG_OFFSET_TIME_DIGITIZED = 0x9012;

    public ImageMetadata read(Path file) {
        Metadata md;
        try {
            md = com.drew.imaging.ImageMetadataReader.readMetadata(file.toFile());
        } catch (Exception | StackOverflowError e) {
            return ImageMetadata.unreadable("image metadata unreadable: " + message(e));
        }
        List<String> warnings = new ArrayList<>();
        Map<String, Map<String, String>> full = new LinkedHashMap<>();
        for (Directory dir : md.getDirectories()) {
            Map<String, String> tags = full.computeIfAbsent(dir.getName(), k -> new LinkedHashMap<>());
            for (Tag tag : dir.getTags()) {
                String description = tag.getDescription();
                if (description != null && tag.getTagType() != ExifDirectoryBase.TAG_MAKERNOTE) {
                    tags.put(tag.getTagName(), description);
                }
            }
            for (String error : dir.getErrors()) {
                warnings.add(dir.getName() + ": " + error);
            }
            if (dir instanceof XmpDirectory xmp && !xmp.getXmpProperties().isEmpty()) {
                full.put("XMP properties", new TreeMap<>(xmp.getXmpProperties()));
            }
        }
        ExifIFD0Directory ifd0 = md.getFirstDirectoryOfType(ExifIFD0Directory.class);
        ExifSubIFDDirectory sub = md.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
        Map<String, Object> s = new LinkedHashMap<>();
        put(s, "make", string(ifd0, ExifDirectoryBase.TAG_MAKE));
        put(s, "model", string(ifd0, ExifDirectoryBase.TAG_MODEL));
        put(s, "lens", string(sub, ExifDirectoryBase.TAG_LENS_MODEL));
        put(s, "software", string(ifd0, ExifDirectoryBase.TAG_SOFTWARE));
        put(s, "dateTimeOriginal", dateTime(sub, ExifDirectoryBase.TAG_DATETIME_ORIGINAL, TAG_OFFSET_TIME_ORIGINAL));
        put(s, "dateTimeDigitized", dateTime(sub, ExifDirectoryBase.TAG_DATETIME_DIGITIZED, TAG_OFFSET_TIME_DIGITIZED));
        put(s, "modified", dateTime(ifd0, ExifDirectoryBase.TAG_DATETIME, TAG_OFFSET_TIME));
        int orientation = orientation(ifd0);
        if (orientation > 0) {
            s.put("orientation", orientation);
        }
        put(s, "gps", gps(md.getFirstDirectoryOfType(GpsDirectory.class)));
        put(s, "artist", string(ifd0, ExifDirectoryBase.TAG_ARTIST));
        put(s, "copyright", string(ifd0, ExifDirectoryBase.TAG_COPYRIGHT));
        put(s, "description", string(ifd0, ExifDirectoryBase.TAG_IMAGE_DESCRIPTION));
        IptcDirectory iptc = md.getFirstDirectoryOfType(IptcDirectory.class);
        if (iptc != null) {
            put(s, "keywords", iptc.getKeywords());
            put(s, "byline", iptc.getString(IptcDirectory.TAG_BY_LINE));
            put(s, "caption", iptc.getString(IptcDirectory.TAG_CAPTION));
        }
        XmpDirectory xmp = md.getFirstDirectoryOfType(XmpDirectory.class);
        if (xmp != null) {
            Map<String, String> p = xmp.getXmpProperties();
            put(s, "creator", p.get("dc:creator[1]"));
            put(s, "xmpDescription", p.get("dc:description[1]"));
            put(s, "creatorTool", p.get("xmp:CreatorTool"));
            put(s, "xmpCreateDate", p.get("xmp:CreateDate"));
        }
        return new ImageMetadata(s, full, orientation, warnings);
    }

    private static int orientation(ExifIFD0Directory ifd0) {
        Integer o = ifd0 == null ? null : ifd0.getInteger(ExifDirectoryBase.TAG_ORIENTATION);
        return o == null || o < 1 || o > 8 ? 0 : o;
    }

    /**
     * EXIF "yyyy:MM:dd HH:mm:ss" as ISO-8601, with the offset when the file records one; without it the
     * time is local to wherever the camera was, and left without a zone rather than guessed.
     */
    static String dateTime(Directory dir, int tag, int offsetTag) {
        String raw = string(dir, tag);
        if (raw == null || !raw.matches("\\d{4}:\\d{2}:\\d{2} \\d{2}:\\d{2}:\\d{2}.*")) {
            return raw;
        }
        String iso = raw.substring(0, 10).replace(':', '-') + "T" + raw.substring(11, 19);
        String offset = string(dir, offsetTag);
        return offset != null && offset.matches("[+-]\\d{2}:\\d{2}") ? iso + offset : iso;
    }

    private static Map<String, Object> gps(GpsDirectory gps) {
        if (gps == null) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        GeoLocation at = gps.getGeoLocation();
        if (at != null && !at.isZero()) {
            out.put("lat", at.getLatitude());
            out.put("lon", at.getLongitude());
        }
        Rational alt = gps.getRational(GpsDirectory.TAG_ALTITUDE);
        if (alt != null) {
            Integer ref = gps.getInteger(GpsDirectory.TAG_ALTITUDE_REF);
            out.put("alt", (ref != null && ref == 1 ? -1 : 1) * alt.doubleValue());
        }
        if (gps.getGpsDate() != null) {
            out.put("time", gps.getGpsDate().toInstant().toString());
        }
        return out.isEmpty() ? null : out;
    }

    private static String string(Directory dir, int tag) {
        String v = dir == null ? null : dir.getString(tag);
        return v == null || v.isBlank() ? null : v.trim();
    }

    private static void put(Map<String, Object> m, String key, Object value) {
        if (value != null && !(value instanceof List<?> l && l.isEmpty())) {
            m.put(key, value);
        }
    }

    private static String message(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
