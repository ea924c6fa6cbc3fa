package org.exhibit.capture.browser;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The proxy a pooled browser's own profile is given: a loopback port that answers every request with 403 and
 * connects to nothing. Pages are captured in browser contexts with a recording proxy of their own; what the
 * browser fetches for itself (sign-in, updates, its search engine's start page) ends here, unsent.
 */
final class ClosedProxy implements AutoCloseable {
    private static final byte[] REFUSAL = ("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    private final ServerSocket server;

    private ClosedProxy(ServerSocket server) {
        this.server = server;
    }

    static ClosedProxy start() throws IOException {
        ServerSocket server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        ClosedProxy proxy = new ClosedProxy(server);
        Thread t = new Thread(proxy::refuse, "exhibit-closed-proxy");
        t.setDaemon(true);
        t.start();
        return proxy;
    }

    /** {@code 127.0.0.1:PORT}, for {@code --proxy-server}. */
    String address() {
        return server.getInetAddress().getHostAddress() + ":" + server.getLocalPort();
    }

    private void refuse() {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                s.setSoTimeout(1000);
                readHead(s.getInputStream());
                s.getOutputStream().write(REFUSAL);
            } catch (IOException e) {
                // the browser hung up, or the port was closed: either way nothing went anywhere
            }
        }
    }

    /** Reads the request head (at most 16 KiB) so that the refusal is an answer, not a reset. */
    private static void readHead(InputStream in) throws IOException {
        int matched = 0;
        for (int i = 0, b; i < 16 * 1024 && (b = in.read()) >= 0; i++) {
            matched = (b == '\r' || b == '\n') ? matched + 1 : 0;
            if (matched == 4) {
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
