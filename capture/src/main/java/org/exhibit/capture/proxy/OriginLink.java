package org.exhibit.capture.proxy;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedTrustManager;
import org.exhibit.format.record.CertificateSummary;
import org.exhibit.format.record.OriginInfo;

/** One connection from the proxy to an origin (TCP, and TLS for https), kept alive between exchanges. */
final class OriginLink implements Closeable {
    private static final SSLContext ACCEPT_ALL = acceptAll();
    final String origin;
    final Socket socket;
    final InputStream in;
    final OutputStream out;
    final OriginInfo info;

    private OriginLink(String origin, Socket socket, OriginInfo info) throws IOException {
        this.origin = origin;
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        this.out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
        this.info = info;
    }

    /** Thrown when the origin cannot be reached; carries the address tried, if resolving got that far. */
    static final class ConnectFailure extends IOException {
        final String ip;

        ConnectFailure(String message, String ip, Throwable cause) {
            super(message, cause);
            this.ip = ip;
        }
    }

    static OriginLink connect(Origin origin, ProxyConfig config, ChainCheck check) throws ConnectFailure {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(origin.host());
        } catch (UnknownHostException e) {
            throw new ConnectFailure("cannot resolve " + origin.host(), null, e);
        }
        int timeout = (int) config.connectTimeout().toMillis();
        ConnectFailure last = null;
        for (InetAddress address : addresses) {
            String ip = address.getHostAddress();
            Socket socket = new Socket();
            try {
                socket.setTcpNoDelay(true);
                socket.connect(new InetSocketAddress(address, origin.port()), timeout);
                if (!origin.tls()) {
                    socket.setSoTimeout((int) config.readTimeout().toMillis());
                    return new OriginLink(origin.toString(), socket, new OriginInfo(origin.toString(), ip, null, null, List.of(), List.of()));
                }
                socket.setSoTimeout(timeout);
                SSLSocket tls = (SSLSocket) ACCEPT_ALL.getSocketFactory().createSocket(socket, origin.host(), origin.port(), true);
                SSLParameters params = tls.getSSLParameters();
                params.setApplicationProtocols(new String[] {"http/1.1"});
                tls.setSSLParameters(params);
                tls.startHandshake();
                tls.setSoTimeout((int) config.readTimeout().toMillis());
                SSLSession session = tls.getSession();
                X509Certificate[] chain = x509(session.getPeerCertificates());
                List<CertificateSummary> summaries = new ArrayList<>();
                for (X509Certificate c : chain) {
                    summaries.add(CertificateSummaries.of(c));
                }
                OriginInfo info = new OriginInfo(origin.toString(), ip, session.getProtocol(), session.getCipherSuite(),
                        summaries, check.warnings(chain, origin.host()));
                return new OriginLink(origin.toString(), tls, info);
            } catch (IOException e) {
                closeQuietly(socket);
                last = new ConnectFailure("cannot connect to " + origin + " at " + ip + ": " + e, ip, e);
            }
        }
        throw last != null ? last : new ConnectFailure("no address for " + origin.host(), null, null);
    }

    private static X509Certificate[] x509(Certificate[] certs) {
        List<X509Certificate> out = new ArrayList<>();
        for (Certificate c : certs) {
            if (c instanceof X509Certificate x) {
                out.add(x);
            }
        }
        return out.toArray(new X509Certificate[0]);
    }

    /** How long a read from the origin may wait for a byte before the exchange is cut. */
    void silenceBound(java.time.Duration d) throws java.io.IOException {
        socket.setSoTimeout((int) Math.max(1, d.toMillis()));
    }

    boolean isOpen() {
        return !socket.isClosed() && !socket.isInputShutdown();
    }

    @Override
    public void close() {
        closeQuietly(socket);
    }

    static void closeQuietly(Closeable c) {
        try {
            if (c != null) {
                c.close();
            }
        } catch (IOException ignored) {
            // closing is best effort; the exchange's outcome is already decided
        }
    }

    /** Accepts any chain: the capture must see what the server presents; {@link ChainCheck} judges it apart. */
    private static SSLContext acceptAll() {
        X509ExtendedTrustManager all = new X509ExtendedTrustManager() {
            @Override public void checkClientTrusted(X509Certificate[] c, String a, Socket s) { }
            @Override public void checkServerTrusted(X509Certificate[] c, String a, Socket s) { }
            @Override public void checkClientTrusted(X509Certificate[] c, String a, SSLEngine e) { }
            @Override public void checkServerTrusted(X509Certificate[] c, String a, SSLEngine e) { }
            @Override public void checkClientTrusted(X509Certificate[] c, String a) { }
            @Override public void checkServerTrusted(X509Certificate[] c, String a) { }
            @Override public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new javax.net.ssl.TrustManager[] {all}, new SecureRandom());
            return ctx;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("no TLS in this JVM", e);
        }
    }
}
