package org.exhibit.capture.proxy;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;

/** One request/response exchange on a browser connection, from the request head to the WARC records. */
final class ExchangeRun {
    private final ClientConnection conn;
    private final Origin origin;
    private final String url;
    private final String method;
    private final String originForm;
    private final HttpHead head;

    ExchangeRun(ClientConnection conn, Origin origin, String url, String method, String originForm, HttpHead head) {
        this.conn = conn;
        this.origin = origin;
        this.url = url;
        this.method = method;
        this.originForm = originForm;
        this.head = head;
    }

    /** An I/O failure on the browser's side of the exchange. */
    static final class BrowserSideException extends IOException {
        BrowserSideException(IOException cause) {
            super("the browser connection failed while sending the request: " + cause.getMessage(), cause);
        }
    }

    /** Runs the exchange; returns whether the browser connection may carry another request. */
    boolean run() throws IOException {
        RecordingProxy proxy = conn.proxy();
        ProxyConfig config = proxy.config();
        OpenExchange ex = proxy.traffic().open(method, url, config.exchangeTimeout());
        Spool request = new Spool(proxy.spoolDir(), config.maxRecordedBody());
        Spool response = null;
        Exchange.Outcome outcome = Exchange.Outcome.INCOMPLETE;
        String reason = null;
        boolean answered = false;
        boolean upgraded = false;
        OriginLink link = null;
        HttpHead up = ClientConnection.forOrigin(head, method, originForm, origin);
        HttpHead upRecorded = SecretHeaders.redact(up); // the origin gets the real cookies, the WARC their hashes
        ex.requestHeaders = upRecorded.headerMap();
        ex.attachBrowser(conn::close);
        try {
            request.head(upRecorded.raw());
            if (config.loopbackOnly() && !origin.isLoopback()) {
                outcome = Exchange.Outcome.FAILED;
                reason = "refused: " + origin + " is not a loopback address and the proxy is loopback-only";
                conn.reply(403, reason);
                answered = true;
                return false;
            }
            if (BrowserOwnRequests.matches(url)) {
                outcome = Exchange.Outcome.FAILED;
                reason = Exchange.BROWSER_OWN;
                conn.reply(403, reason);
                answered = true;
                return false;
            }
            Framing requestFraming = Framing.ofRequest(head);
            HttpHead resp;
            for (int attempt = 0; ; attempt++) {
                link = conn.link();
                boolean reused = link != null && link.origin.equals(origin.toString()) && link.isOpen();
                if (!reused) {
                    conn.link(null);
                    try {
                        link = OriginLink.connect(origin, config, proxy.check());
                    } catch (OriginLink.ConnectFailure f) {
                        ex.ip = f.ip;
                        outcome = Exchange.Outcome.FAILED;
                        reason = f.getMessage();
                        conn.reply(502, reason);
                        answered = true;
                        return false;
                    }
                    conn.link(link);
                    proxy.originSeen(link.info);
                }
                ex.ip = link.info.ip();
                ex.attach(link);
                link.silenceBound(config.readTimeout()); // the origin may think before it answers
                try {
                    link.out.write(up.raw());
                    requestFraming.copy(head, browserSide(conn.in()), Framing.Sink.of(link.out), request);
                    link.out.flush();
                    resp = responseHead(link);
                    break;
                } catch (IOException e) {
                    // a kept-alive origin connection may have been closed by the origin while idle: retry once,
                    // on a new connection, when nothing of a body was consumed and nothing came back
                    if (!reused || attempt > 0 || requestFraming != Framing.NONE || ex.abortReason() != null
                            || e instanceof BrowserSideException || e instanceof SocketTimeoutException) {
                        throw e;
                    }
                    conn.link(null);
                }
            }
            link.silenceBound(config.stallTimeout()); // once it answers, a body that stops coming is cut
            response = new Spool(proxy.spoolDir(), config.maxRecordedBody());
            HttpHead respRecorded = SecretHeaders.redact(resp);
            response.head(respRecorded.raw());
            ex.responseSpool = response;
            ex.response = respRecorded;
            ClientSink sink = new ClientSink(conn.out());
            sink.write(resp.raw(), 0, resp.raw().length);
            answered = true;
            if (Framing.status(resp) == 101) {
                link.silenceBound(config.readTimeout()); // a tunnel (WebSocket) may be quiet between messages
                sink.flush();
                outcome = Exchange.Outcome.COMPLETE;
                upgraded = true;
                return false;
            }
            Framing framing = Framing.ofResponse(resp, method);
            framing.copy(resp, link.in, sink, response);
            sink.flush();
            outcome = Exchange.Outcome.COMPLETE;
            if (response.truncated() || request.truncated()) {
                reason = "recorded in the WARC only up to maxRecordedBody (" + config.maxRecordedBody() + " bytes of body)";
            }
            boolean keepAlive = framing != Framing.CLOSE && !sink.gone() && persistent(head) && persistent(resp);
            if (!keepAlive) {
                conn.link(null);
            }
            return keepAlive;
        } catch (IOException e) {
            outcome = Exchange.Outcome.INCOMPLETE;
            reason = describe(e, ex, config);
            if (!answered) {
                conn.reply(ex.abortReason() != null || e instanceof SocketTimeoutException ? 504 : 502, reason);
            }
            conn.link(null);
            return false;
        } finally {
            proxy.record(ex, request, response, outcome, reason);
            if (upgraded) {
                Tunnel.pipe(conn.in(), conn.out(), link);
            }
        }
    }

    /** Reads the final response head; interim 1xx answers (but 101) are passed to the browser unrecorded. */
    private HttpHead responseHead(OriginLink link) throws IOException {
        while (true) {
            HttpHead resp = HttpHead.read(link.in);
            if (resp == null) {
                throw new EOFException("the origin closed the connection before answering");
            }
            int status = Framing.status(resp);
            if (status / 100 != 1 || status == 101) {
                return resp;
            }
            conn.out().write(resp.raw());
            conn.out().flush();
        }
    }

    static boolean persistent(HttpHead h) {
        if (h.hasToken("Connection", "close")) {
            return false;
        }
        return "HTTP/1.1".equalsIgnoreCase(h.version()) || h.hasToken("Connection", "keep-alive");
    }

    private static String describe(IOException e, OpenExchange ex, ProxyConfig config) {
        if (ex.abortReason() != null) {
            return ex.abortReason();
        }
        if (e instanceof SocketTimeoutException && ex.response != null) {
            return "stall timeout: the answer stopped coming, nothing from the origin for "
                    + Seconds.of(config.stallTimeout()) + "; recorded as far as it came";
        }
        if (e instanceof SocketTimeoutException) {
            return "read timeout: nothing from the origin for " + Seconds.of(config.readTimeout());
        }
        if (e instanceof BrowserSideException || e instanceof EOFException) {
            return e.getMessage();
        }
        return e.toString();
    }

    private static InputStream browserSide(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                try {
                    return super.read();
                } catch (IOException e) {
                    throw new BrowserSideException(e);
                }
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                try {
                    return super.read(b, off, len);
                } catch (IOException e) {
                    throw new BrowserSideException(e);
                }
            }
        };
    }
}
