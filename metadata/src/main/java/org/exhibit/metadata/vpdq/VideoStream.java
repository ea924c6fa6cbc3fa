package org.exhibit.metadata.vpdq;

import java.util.HashMap;
import java.util.Map;

/**
 * The first video stream of a file, as ffprobe reports it.
 *
 * @param codec           the decoder's name, e.g. "h264"
 * @param pixelFormat     the decoded pixel format, e.g. "yuv420p"
 * @param width           coded width in pixels (before any rotation the container asks for)
 * @param height          coded height in pixels
 * @param frameRate       frames per second: the average rate, or the base rate where the average is unknown,
 *                        as the reference chooses
 * @param durationSeconds the container's duration, NaN where it does not say
 */
public record VideoStream(String codec, String pixelFormat, int width, int height, double frameRate,
                          double durationSeconds) {
    /** PDQ needs at least this many pixels on each side (the reference's MIN_HASHABLE_DIM). */
    public static final int MIN_SIDE = 5;

    /**
     * Reads {@code ffprobe -of flat} output for stream {@code v:0} and the format.
     *
     * @throws UnreadableVideoException when there is no video stream or it has no size or frame rate
     */
    static VideoStream parse(String flat, String name) throws UnreadableVideoException {
        Map<String, String> v = new HashMap<>();
        for (String line : flat.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                String value = line.substring(eq + 1).trim();
                v.put(line.substring(0, eq).trim(), value.replaceAll("^\"|\"$", ""));
            }
        }
        if (!v.containsKey("streams.stream.0.width")) {
            throw new UnreadableVideoException("no video stream in " + name + " (ffprobe reads it as "
                    + v.getOrDefault("format.format_name", "an unknown format") + "): no vPDQ hash");
        }
        int width = integer(v.get("streams.stream.0.width"));
        int height = integer(v.get("streams.stream.0.height"));
        if (width < MIN_SIDE || height < MIN_SIDE) {
            throw new UnreadableVideoException("video " + name + " is " + width + " x " + height
                    + " pixels; PDQ needs at least " + MIN_SIDE + " on each side: no vPDQ hash");
        }
        double rate = rate(v.get("streams.stream.0.avg_frame_rate"));
        if (rate <= 0) {
            rate = rate(v.get("streams.stream.0.r_frame_rate"));
        }
        if (rate <= 0) {
            throw new UnreadableVideoException("video " + name + " has no frame rate (ffprobe gives "
                    + v.get("streams.stream.0.avg_frame_rate") + "): no vPDQ hash");
        }
        return new VideoStream(v.getOrDefault("streams.stream.0.codec_name", "unknown"),
                v.getOrDefault("streams.stream.0.pix_fmt", "unknown"), width, height, rate,
                number(v.get("format.duration")));
    }

    private static int integer(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException | NullPointerException e) {
            return 0;
        }
    }

    private static double number(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException | NullPointerException e) {
            return Double.NaN; // "N/A"
        }
    }

    /** "30000/1001" as a number; 0 for "0/0" or anything unreadable. */
    private static double rate(String s) {
        int slash = s == null ? -1 : s.indexOf('/');
        double num = number(slash < 0 ? s : s.substring(0, slash));
        double den = slash < 0 ? 1 : number(s.substring(slash + 1));
        double r = num / den;
        return Double.isFinite(r) && r > 0 ? r : 0;
    }
}
