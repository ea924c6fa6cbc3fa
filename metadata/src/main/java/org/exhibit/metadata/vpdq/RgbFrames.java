package org.exhibit.metadata.vpdq;

import java.io.IOException;
import java.io.InputStream;

/**
 * The raw RGB24 frames an ffmpeg child process writes to its standard output, read one at a time into one
 * buffer, so that a video of any length takes one frame's memory. Closing stops the process.
 */
final class RgbFrames implements AutoCloseable {
    private final Process process;
    private final StderrTail stderr;
    private final InputStream in;
    private final String name;
    private final byte[] frame;
    private int count;

    RgbFrames(Process process, StderrTail stderr, int width, int height, String name) {
        this.process = process;
        this.stderr = stderr;
        this.in = process.getInputStream();
        this.name = name;
        this.frame = new byte[Math.multiplyExact(Math.multiplyExact(width, height), 3)];
    }

    /**
     * The next frame's pixels, or null after the last; the array is reused for every frame.
     *
     * @throws UnreadableVideoException when ffmpeg fails, stops mid-frame or decodes no frame at all
     */
    byte[] next() throws IOException {
        int n = in.readNBytes(frame, 0, frame.length);
        if (n == frame.length) {
            count++;
            return frame;
        }
        int rc = Ffmpeg.waitFor(process);
        if (rc != 0 || n != 0) {
            throw new UnreadableVideoException("ffmpeg could not decode " + name + " after " + count + " frames ("
                    + Ffmpeg.lastLine(stderr, rc) + "): no vPDQ hash");
        }
        if (count == 0) {
            throw new UnreadableVideoException("no frame could be decoded from " + name + " ("
                    + Ffmpeg.lastLine(stderr, rc) + "): no vPDQ hash");
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        if (process.isAlive()) {
            process.destroy();
        }
        in.close();
    }
}
