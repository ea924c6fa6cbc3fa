package org.exhibit.capture.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** After a 101 (a WebSocket upgrade) the proxy passes bytes both ways, unrecorded, until either side closes. */
final class Tunnel {
    private Tunnel() {
    }

    static void pipe(InputStream browserIn, OutputStream browserOut, OriginLink link) {
        Thread back = new Thread(() -> copy(link.in, browserOut), "exhibit-proxy-upgrade");
        back.setDaemon(true);
        back.start();
        copy(browserIn, link.out);
        link.close();
    }

    private static void copy(InputStream in, OutputStream out) {
        byte[] buf = new byte[8192];
        try {
            for (int n; (n = in.read(buf)) >= 0; ) {
                out.write(buf, 0, n);
                out.flush();
            }
        } catch (IOException ignored) {
            // either side closing ends the tunnel
        }
    }
}
