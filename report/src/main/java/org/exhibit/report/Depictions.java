package org.exhibit.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.exhibit.format.record.Artifact;
import org.exhibit.report.depiction.Depicter;
import org.exhibit.report.depiction.Depiction;
import org.exhibit.report.depiction.VideoFrames;
import org.exhibit.report.layout.ReportSink;
import org.exhibit.report.source.CaseFiles;
import org.exhibit.report.source.FileRegion;

/**
 * Finds the image a section shows (a capture's screenshot, an item's original) and depicts it, one at a time; and
 * draws a strip of frames of a video, read in place.
 */
final class Depictions {
    private final CaseFiles files;
    private final Depicter depicter;
    private final VideoFrames frames;

    Depictions(CaseFiles files, Depicter depicter) {
        this(files, depicter, new VideoFrames());
    }

    /** @param frames how video frames are drawn (ffmpeg from PATH, or from elsewhere in tests) */
    Depictions(CaseFiles files, Depicter depicter, VideoFrames frames) {
        this.files = files;
        this.depicter = depicter;
        this.frames = frames;
    }

    /** The artifact with the first of {@code roles} that is listed, or null. */
    static Artifact pick(List<Artifact> artifacts, String... roles) {
        for (String role : roles) {
            for (Artifact a : artifacts == null ? List.<Artifact>of() : artifacts) {
                if (role.equals(a.role())) {
                    return a;
                }
            }
        }
        return null;
    }

    /** Writes the depiction of {@code artifact} (in {@code folder}) with a caption naming the file and its hash. */
    void write(ReportSink out, String folder, Artifact artifact) throws IOException {
        if (artifact == null) {
            out.paragraph("No screenshot or image is listed in this record.");
            return;
        }
        String path = folder + "/" + artifact.path();
        out.paragraph("Depicted: " + artifact.path() + " (SHA-256 " + artifact.sha256()
                + "). The file in the case is unchanged; this picture is computed from it for the report.");
        if (!files.exists(path)) {
            out.notice("The file " + path + " is listed but missing from the case.");
            return;
        }
        Optional<Depiction> d;
        try (InputStream in = files.open(path)) {
            d = depicter.depict(in, orientation(artifact));
        }
        if (d.isPresent()) {
            out.image(d.get());
        } else {
            out.paragraph("(" + path + " could not be decoded as an image; it is listed with its hash below.)");
        }
    }

    /**
     * Writes a strip of frames at even times of the video {@code file} (in {@code folder}), each depicted like any
     * image, read in place from the case or the bundle; or says why the frames could not be drawn (no ffmpeg, an
     * undecodable file), the report going on without them.
     *
     * @param duration the video's duration in seconds, or null
     * @param width    the video's width in pixels, for the label of a shown frame; or null
     * @param height   its height, or null
     */
    void strip(ReportSink out, String folder, String file, Double duration, Integer width, Integer height)
            throws IOException {
        String path = folder + "/" + file;
        if (!files.exists(path)) {
            out.notice("The file " + path + " is listed but missing from the case.");
            return;
        }
        if (files.encrypted()) {
            out.paragraph("The frames of " + file + " are not drawn from an encrypted bundle (drawing them writes "
                    + "stills to a temporary folder). The file is listed with its hashes.");
            return;
        }
        List<VideoFrames.Frame> strip;
        try {
            Optional<FileRegion> region = files.region(path);
            if (region.isPresent()) {
                FileRegion r = region.get();
                strip = frames.depict(r.file(), r.offset(), r.length(), duration, depicter);
            } else {
                try (InputStream in = files.open(path)) {
                    strip = frames.depict(in, duration, depicter);
                }
            }
        } catch (InterruptedIOException e) {
            throw e;
        } catch (IOException e) {
            out.paragraph("The frames of " + file + " could not be drawn: " + e.getMessage()
                    + ". The file is listed with its hashes.");
            return;
        }
        List<Depiction> depictions = new ArrayList<>();
        List<String> captions = new ArrayList<>();
        for (VideoFrames.Frame f : strip) {
            Depiction d = f.depiction();
            depictions.add(width == null || height == null ? d : new Depiction(d.image(), d.mode(), width, height));
            captions.add(String.format(Locale.ROOT, "at %.1f s", f.seconds()));
        }
        out.paragraph("Frames of " + file + " at even times, computed from it for the report; the file in the case "
                + "is unchanged.");
        out.strip(depictions, captions);
    }

    /** The EXIF orientation (1-8) the record noted, or 0. */
    private static int orientation(Artifact a) {
        Object o = a.exif() == null ? null : a.exif().get("orientation");
        return o instanceof Number n ? n.intValue() : 0;
    }
}
