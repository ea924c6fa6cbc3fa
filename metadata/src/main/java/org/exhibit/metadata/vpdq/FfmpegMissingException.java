package org.exhibit.metadata.vpdq;

import java.io.IOException;

/** ffmpeg or ffprobe is not installed; the message names which and says how to install them. */
public final class FfmpegMissingException extends IOException {
    public FfmpegMissingException(String message) {
        super(message);
    }
}
