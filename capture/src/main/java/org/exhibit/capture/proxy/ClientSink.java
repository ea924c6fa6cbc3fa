package org.exhibit.capture.proxy;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The browser side of a response: if the browser goes away (a cancelled image, a page left), writes are
 * dropped and the proxy keeps reading the origin so the record is still whole.
 */
final class ClientSink implements Framing.Sink {
    private final OutputStream out;
    private boolean gone;

    ClientSink(OutputStream out) {
        this.out = out;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        if (gone) {
            return;
        }
        try {
            out.write(b, off, len);
        } catch (IOException e) {
            gone = true;
        }
    }

    @Override
    public void flush() {
        if (gone) {
            return;
        }
        try {
            out.flush();
        } catch (IOException e) {
            gone = true;
        }
    }

    boolean gone() {
        return gone;
    }
}
