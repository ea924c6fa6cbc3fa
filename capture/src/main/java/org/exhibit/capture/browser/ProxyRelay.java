package org.exhibit.capture.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The fixed proxy address of a kept browser context: a loopback port that forwards each connection the browser
 * opens to the recording proxy of the capture now attached, byte for byte. A context's proxy is set when the
 * context is made, a capture's proxy lives as long as the capture; this relay joins the two. Detaching closes every
 * connection forwarded so far (Chromium keeps proxy connections and CONNECT tunnels open for reuse: one carried
 * into the next capture would reach a closed proxy, or the wrong WARC), and while nothing is attached every
 * connection is closed at once, unforwarded.
 *
 * <pre>{@code
 * try (ProxyRelay relay = ProxyRelay.start()) {
 *     relay.attach(proxy.address());   // the browser context was made with relay.address() as its proxy
 *     ...                              // the capture
 *     relay.detach();
 * }
 * }</pre>
 */
final class ProxyRelay implements AutoCloseable {
    /** Threads forwarding at most (two a connection): beyond it a new connection is closed, not queued. */
    static final int MAX_THREADS = 128;
    private final ServerSocket server;
    private final ThreadPoolExecutor pumps = new ThreadPoolExecutor(0, MAX_THREADS, 30, TimeUnit.SECONDS,
            new SynchronousQueue<>(), r -> {
                Thread t = new Thread(r, "exhibit-proxy-relay");
                t.setDaemon(true);
                return t;
            });
    private Attachment current;

    private ProxyRelay(ServerSocket server) {
        this.server = server;
    }

    static ProxyRelay start() throws IOException {
        ServerSocket server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        ProxyRelay relay = new ProxyRelay(server);
        Thread t = new Thread(relay::accept, "exhibit-proxy-relay-accept");
        t.setDaemon(true);
        t.start();
        return relay;
    }

    /** {@code 127.0.0.1:PORT}, for a browser context's {@code proxyServer}. */
    String address() {
        return server.getInetAddress().getHostAddress() + ":" + server.getLocalPort();
    }

    /** Forwards the connections opened from now on to {@code proxy}; ends those of an earlier attachment. */
    void attach(InetSocketAddress proxy) {
        Attachment old;
        synchronized (this) {
            old = current;
            current = new Attachment(proxy);
        }
        if (old != null) {
            old.close();
        }
    }

    /** Closes every connection forwarded so far; connections opened from now on are closed unforwarded. */
    void detach() {
        Attachment old;
        synchronized (this) {
            old = current;
            current = null;
        }
        if (old != null) {
            old.close();
        }
    }

    /** Forwarded connections still open (both ends counted once). */
    synchronized int open() {
        return current == null ? 0 : current.size();
    }

    private void accept() {
        while (!server.isClosed()) {
            Socket browser;
            try {
                browser = server.accept();
            } catch (IOException e) {
                continue;                                       // closed: the loop ends; else the next one
            }
            Attachment to;
            synchronized (this) {
                to = current;
            }
            if (to == null) {
                quietly(browser);
                continue;
            }
            try {
                pumps.execute(() -> to.forward(browser));
            } catch (RejectedExecutionException e) {
                quietly(browser);                               // too many at once: the browser sees a closed connection
            }
        }
    }

    @Override
    public void close() {
        detach();
        quietly(server);
        pumps.shutdownNow();
    }

    private static void quietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // closing is all that is wanted
        }
    }

    /** One capture's proxy and the connections forwarded to it. */
    private final class Attachment {
        private final InetSocketAddress proxy;
        private final Set<Socket> sockets = new HashSet<>();
        private boolean closed;

        Attachment(InetSocketAddress proxy) {
            this.proxy = proxy;
        }

        void forward(Socket browser) {
            Socket upstream = new Socket();
            if (!register(browser) || !register(upstream)) {
                quietly(browser);
                quietly(upstream);
                return;
            }
            try {
                upstream.connect(proxy, 10_000);
                pumps.execute(() -> pump(upstream, browser));
            } catch (IOException | RejectedExecutionException e) {
                end(browser, upstream);
                return;
            }
            pump(browser, upstream);
        }

        /** Copies {@code from} to {@code to} until either ends, then closes both. */
        private void pump(Socket from, Socket to) {
            byte[] buf = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buf)) >= 0; ) {
                    out.write(buf, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // one side ended or the attachment was closed
            } finally {
                end(from, to);
            }
        }

        private synchronized boolean register(Socket s) {
            return !closed && sockets.add(s);
        }

        private void end(Socket a, Socket b) {
            quietly(a);
            quietly(b);
            synchronized (this) {
                sockets.remove(a);
                sockets.remove(b);
            }
        }

        synchronized int size() {
            return sockets.size() / 2;
        }

        void close() {
            Set<Socket> all;
            synchronized (this) {
                closed = true;
                all = new HashSet<>(sockets);
                sockets.clear();
            }
            all.forEach(ProxyRelay::quietly);
        }
    }
}
