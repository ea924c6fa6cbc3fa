package org.exhibit.capture.proxy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The start line and header fields of an HTTP/1.x message, with the bytes exactly as they were read.
 *
 * @param startLine the request line or status line, without its line end
 * @param headers   fields in the order received
 * @param raw       every byte of the head as read, up to and including the empty line
 */
record HttpHead(String startLine, List<Header> headers, byte[] raw) {
    static final int MAX_HEAD = 64 * 1024;

    record Header(String name, String value) {
    }

    /** Reads one head; returns null on a clean end of stream before any byte. */
    static HttpHead read(InputStream in) throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream(512);
        List<String> lines = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (raw.size() == 0) {
                    return null;
                }
                throw new java.io.EOFException("connection closed inside an HTTP head after " + raw.size() + " bytes");
            }
            raw.write(b);
            if (raw.size() > MAX_HEAD) {
                throw new IOException("expected an HTTP head under " + MAX_HEAD + " bytes, got more");
            }
            if (b != '\n') {
                line.write(b);
                continue;
            }
            String text = line.toString(StandardCharsets.ISO_8859_1);
            line.reset();
            if (text.endsWith("\r")) {
                text = text.substring(0, text.length() - 1);
            }
            if (text.isEmpty()) {
                if (lines.isEmpty()) {
                    raw.reset(); // tolerated: stray CRLF between messages
                    continue;
                }
                return new HttpHead(lines.get(0), parseHeaders(lines.subList(1, lines.size())), raw.toByteArray());
            }
            lines.add(text);
        }
    }

    private static List<Header> parseHeaders(List<String> lines) throws IOException {
        List<Header> headers = new ArrayList<>();
        for (String l : lines) {
            if ((l.startsWith(" ") || l.startsWith("\t")) && !headers.isEmpty()) {
                Header last = headers.remove(headers.size() - 1);
                headers.add(new Header(last.name(), last.value() + " " + l.strip()));
                continue;
            }
            int colon = l.indexOf(':');
            if (colon <= 0) {
                throw new IOException("expected a header field 'name: value', got '" + abbreviate(l) + "'");
            }
            headers.add(new Header(l.substring(0, colon).strip(), l.substring(colon + 1).strip()));
        }
        return List.copyOf(headers);
    }

    Optional<String> first(String name) {
        return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).findFirst();
    }

    /** True if a comma-separated field (Connection, Transfer-Encoding) lists the token. */
    boolean hasToken(String name, String token) {
        return headers.stream().filter(h -> h.name().equalsIgnoreCase(name))
                .flatMap(h -> java.util.Arrays.stream(h.value().split(",")))
                .anyMatch(t -> t.strip().equalsIgnoreCase(token));
    }

    /** The start line split in three: method/target/version or version/status/reason. */
    String[] parts() {
        String[] p = startLine.split(" ", 3);
        return p.length == 3 ? p : java.util.Arrays.copyOf(p, 3);
    }

    String version() {
        String first = parts()[0];
        return first.startsWith("HTTP/") ? first : parts()[2];
    }

    Map<String, List<String>> headerMap() {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (Header h : headers) {
            map.computeIfAbsent(h.name(), k -> new ArrayList<>()).add(h.value());
        }
        return map;
    }

    /** Serialises a new head (for the request sent upstream), CRLF line ends. */
    static HttpHead of(String startLine, List<Header> headers) {
        StringBuilder sb = new StringBuilder(startLine).append("\r\n");
        for (Header h : headers) {
            sb.append(h.name()).append(": ").append(h.value()).append("\r\n");
        }
        sb.append("\r\n");
        return new HttpHead(startLine, List.copyOf(headers), sb.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
