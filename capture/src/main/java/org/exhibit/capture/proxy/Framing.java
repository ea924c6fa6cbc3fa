package org.exhibit.capture.proxy;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * How an HTTP/1.1 body ends (RFC 9112 section 6.3), and copying one body unchanged from one side to the
 * other while the spool records it.
 */
enum Framing {
    NONE, LENGTH, CHUNKED, CLOSE;

    static Framing ofRequest(HttpHead head) throws IOException {
        if (head.first("Transfer-Encoding").isPresent()) {
            if (!head.hasToken("Transfer-Encoding", "chunked")) {
                throw new IOException("expected a chunked request body, got Transfer-Encoding: " + head.first("Transfer-Encoding").get());
            }
            return CHUNKED;
        }
        return contentLength(head) > 0 ? LENGTH : NONE;
    }

    static Framing ofResponse(HttpHead head, String requestMethod) throws IOException {
        int status = status(head);
        if (requestMethod.equalsIgnoreCase("HEAD") || status / 100 == 1 || status == 204 || status == 304) {
            return NONE;
        }
        if (head.first("Transfer-Encoding").isPresent()) {
            return head.hasToken("Transfer-Encoding", "chunked") ? CHUNKED : CLOSE;
        }
        if (head.first("Content-Length").isPresent()) {
            return contentLength(head) > 0 ? LENGTH : NONE;
        }
        return CLOSE;
    }

    static int status(HttpHead head) throws IOException {
        try {
            return Integer.parseInt(head.parts()[1]);
        } catch (NumberFormatException e) {
            throw new IOException("expected an HTTP status line, got '" + HttpHead.abbreviate(head.startLine()) + "'");
        }
    }

    static long contentLength(HttpHead head) throws IOException {
        String v = head.first("Content-Length").orElse("0").strip();
        try {
            long n = Long.parseLong(v);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IOException("expected a Content-Length of digits, got '" + HttpHead.abbreviate(v) + "'");
        }
    }

    /** Copies one body from {@code in} to {@code out} exactly as read, recording it into {@code spool}. */
    void copy(HttpHead head, InputStream in, Sink out, Spool spool) throws IOException {
        byte[] buf = new byte[16 * 1024];
        switch (this) {
            case NONE -> { }
            case LENGTH -> copyExactly(contentLength(head), in, out, spool, buf);
            case CLOSE -> {
                for (int n; (n = in.read(buf)) >= 0; ) {
                    pass(buf, n, out, spool, true);
                }
            }
            case CHUNKED -> {
                while (true) {
                    String sizeLine = line(in, out, spool);
                    int semi = sizeLine.indexOf(';');
                    String hex = (semi >= 0 ? sizeLine.substring(0, semi) : sizeLine).strip();
                    long size;
                    try {
                        size = Long.parseLong(hex, 16);
                    } catch (NumberFormatException e) {
                        throw new IOException("expected a chunk size in hex, got '" + HttpHead.abbreviate(sizeLine) + "'");
                    }
                    if (size == 0) {
                        while (!line(in, out, spool).isEmpty()) {
                            // trailer fields, forwarded and recorded as they are
                        }
                        return;
                    }
                    copyExactly(size, in, out, spool, buf);
                    line(in, out, spool);
                }
            }
        }
        out.flush();
    }

    private static void copyExactly(long length, InputStream in, Sink out, Spool spool, byte[] buf) throws IOException {
        long left = length;
        while (left > 0) {
            int n = in.read(buf, 0, (int) Math.min(buf.length, left));
            if (n < 0) {
                throw new EOFException("connection closed with " + left + " of " + length + " body bytes missing");
            }
            pass(buf, n, out, spool, true);
            left -= n;
        }
    }

    private static void pass(byte[] buf, int n, Sink out, Spool spool, boolean payload) throws IOException {
        spool.body(buf, 0, n);
        if (payload) {
            spool.payload(buf, 0, n);
        }
        out.write(buf, 0, n);
        out.flush();
    }

    /** Reads one line of chunk framing (CRLF included in what is forwarded), returns it without line end. */
    private static String line(InputStream in, Sink out, Spool spool) throws IOException {
        byte[] raw = new byte[256];
        int len = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed inside chunked framing");
            }
            if (len == raw.length) {
                if (len >= 8192) {
                    throw new IOException("expected a chunk line under 8192 bytes, got more");
                }
                raw = java.util.Arrays.copyOf(raw, len * 2);
            }
            raw[len++] = (byte) b;
            if (b == '\n') {
                spool.body(raw, 0, len);
                out.write(raw, 0, len);
                String s = new String(raw, 0, len, StandardCharsets.ISO_8859_1);
                return s.strip();
            }
        }
    }

    /** Where a copied body goes: the origin, or the browser (which may have gone away). */
    interface Sink {
        void write(byte[] b, int off, int len) throws IOException;

        void flush() throws IOException;

        static Sink of(OutputStream out) {
            return new Sink() {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }

                @Override
                public void flush() throws IOException {
                    out.flush();
                }
            };
        }
    }
}
