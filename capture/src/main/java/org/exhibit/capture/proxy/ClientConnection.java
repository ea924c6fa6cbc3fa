package org.exhibit.capture.proxy;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * One browser connection to the proxy: absolute-form HTTP requests, or a CONNECT tunnel whose TLS the proxy
 * terminates with a leaf of the {@link InterceptionCa}. Requests are handled one after the other (HTTP/1.1
 * keep-alive); each becomes an exchange recorded by the {@link WarcJournal}.
 */
final class ClientConnection implements Runnable {
    private final RecordingProxy proxy;
    private volatile Socket socket;
    private PushbackInputStream in;
    private OutputStream out;
    private Origin tunnel;
    private volatile OriginLink link;

    ClientConnection(RecordingProxy proxy, Socket socket) {
        this.proxy = proxy;
        this.socket = socket;
    }

    @Override
    public void run() {
        try {
            socket.setSoTimeout((int) proxy.config().clientIdleTimeout().toMillis());
            streams();
            while (!proxy.isClosed()) {
                HttpHead head;
                try {
                    head = HttpHead.read(in);
                } catch (SocketTimeoutException | EOFException | java.net.SocketException | javax.net.ssl.SSLException e) {
                    break; // an idle or closed keep-alive connection: the normal end
                }
                if (head == null) {
                    break;
                }
                boolean keepAlive = head.parts()[0].equalsIgnoreCase("CONNECT") ? startTunnel(head) : exchange(head);
                if (!keepAlive) {
                    break;
                }
            }
        } catch (IOException e) {
            proxy.note("browser connection ended: " + e.getMessage());
        } finally {
            OriginLink.closeQuietly(link);
            OriginLink.closeQuietly(socket);
            proxy.forget(this);
        }
    }

    void close() {
        OriginLink.closeQuietly(socket);
        OriginLink.closeQuietly(link);
    }

    private void streams() throws IOException {
        in = new PushbackInputStream(new BufferedInputStream(socket.getInputStream(), 16 * 1024), 1);
        out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
    }

    private boolean startTunnel(HttpHead head) throws IOException {
        if (tunnel != null) {
            reply(400, "CONNECT inside a tunnel is not supported");
            return false;
        }
        Origin target;
        try {
            target = Origin.parse("https", head.parts()[1] == null ? "" : head.parts()[1]);
        } catch (IllegalArgumentException e) {
            reply(400, e.getMessage());
            return false;
        }
        out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        int first = in.read();
        if (first < 0) {
            return false;
        }
        if (first != 0x16) { // not a TLS handshake: plain HTTP (e.g. ws://) through the tunnel
            in.unread(first);
            tunnel = new Origin("http", target.host(), target.port());
            return true;
        }
        byte[] buffered = in.readNBytes(in.available());
        byte[] consumed = new byte[buffered.length + 1];
        consumed[0] = (byte) first;
        System.arraycopy(buffered, 0, consumed, 1, buffered.length);
        SSLSocket tls = (SSLSocket) proxy.ca().serverContext(target.host()).getSocketFactory()
                .createSocket(socket, new ByteArrayInputStream(consumed), true);
        tls.setUseClientMode(false);
        SSLParameters params = tls.getSSLParameters();
        params.setApplicationProtocols(new String[] {"http/1.1"});
        tls.setSSLParameters(params);
        tls.startHandshake();
        socket = tls;
        tunnel = target;
        streams();
        return true;
    }

    /** Handles one request; returns whether the browser connection stays open for another. */
    private boolean exchange(HttpHead head) throws IOException {
        String method = head.parts()[0];
        String target = head.parts()[1] == null ? "" : head.parts()[1];
        Origin origin;
        String url;
        String originForm;
        try {
            if (tunnel != null) {
                if (!target.startsWith("/")) {
                    throw new IllegalArgumentException("expected an origin-form target inside a tunnel, got '" + HttpHead.abbreviate(target) + "'");
                }
                origin = tunnel;
                url = tunnel.urlPrefix() + target;
                originForm = target;
            } else {
                int sep = target.indexOf("://");
                String scheme = sep > 0 ? target.substring(0, sep).toLowerCase(Locale.ROOT) : "";
                if (!scheme.equals("http")) {
                    throw new IllegalArgumentException("expected an absolute http:// URL or CONNECT, got '" + HttpHead.abbreviate(target) + "'");
                }
                int pathStart = indexOfAny(target, sep + 3, "/?#");
                origin = Origin.parse(scheme, target.substring(sep + 3, pathStart));
                url = target;
                String rest = target.substring(pathStart);
                int hash = rest.indexOf('#');
                originForm = hash >= 0 ? rest.substring(0, hash) : rest;
                originForm = originForm.isEmpty() ? "/" : originForm.startsWith("?") ? "/" + originForm : originForm;
            }
        } catch (IllegalArgumentException e) {
            reply(400, e.getMessage());
            return false;
        }
        return new ExchangeRun(this, origin, url, method, originForm, head).run();
    }

    private static int indexOfAny(String s, int from, String chars) {
        for (int i = from; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return s.length();
    }

    /** The request as it goes to the origin: origin-form target, proxy fields removed, everything else kept. */
    static HttpHead forOrigin(HttpHead head, String method, String originForm, Origin origin) {
        List<HttpHead.Header> headers = new ArrayList<>();
        boolean host = false;
        for (HttpHead.Header h : head.headers()) {
            String n = h.name().toLowerCase(Locale.ROOT);
            if (n.equals("proxy-connection") || n.equals("proxy-authorization")) {
                continue;
            }
            host |= n.equals("host");
            headers.add(h);
        }
        if (!host) {
            boolean defaultPort = origin.port() == (origin.tls() ? 443 : 80);
            headers.add(0, new HttpHead.Header("Host", origin.urlHost() + (defaultPort ? "" : ":" + origin.port())));
        }
        String version = head.parts()[2] == null ? "HTTP/1.1" : head.parts()[2];
        return HttpHead.of(method + " " + originForm + " " + version, headers);
    }

    /** A short plain-text answer from the proxy itself (never recorded as the origin's). */
    void reply(int status, String message) {
        String reason = switch (status) {
            case 400 -> "Bad Request";
            case 403 -> "Forbidden";
            case 502 -> "Bad Gateway";
            case 504 -> "Gateway Timeout";
            default -> "Error";
        };
        byte[] body = ("Exhibit recording proxy: " + message + "\n").getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + status + " " + reason + "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: "
                + body.length + "\r\nConnection: close\r\n\r\n";
        try {
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
        } catch (IOException ignored) {
            // the browser has gone; nothing more to tell it
        }
    }

    RecordingProxy proxy() {
        return proxy;
    }

    InputStream in() {
        return in;
    }

    OutputStream out() {
        return out;
    }

    OriginLink link() {
        return link;
    }

    void link(OriginLink l) {
        if (link != null && link != l) {
            link.close();
        }
        link = l;
    }
}
