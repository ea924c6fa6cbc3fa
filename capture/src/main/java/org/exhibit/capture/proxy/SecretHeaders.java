package org.exhibit.capture.proxy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.exhibit.integrity.digest.Sha256;

/**
 * Keeps session secrets out of the evidence: in a recorded head the value of each {@code Cookie},
 * {@code Set-Cookie}, {@code Authorization} and {@code Proxy-Authorization} field is replaced by
 * {@code sha256:<hex>}, the SHA-256 of the value's bytes as they were on the wire (ISO-8859-1, without the
 * whitespace around it; a folded value joined by single spaces). Whoever holds the cookie can check that it is the
 * one the capture carried; nobody can log in with what the bundle holds. Only the recorded copy changes: the
 * origin and the browser see the real fields.
 *
 * <pre>{@code
 * SecretHeaders.redact(head);                    // "Cookie: sha256:1f0e..." instead of "Cookie: session=s3cr3t"
 * SecretHeaders.hash("session=s3cr3t");           // "sha256:1f0e..."
 * }</pre>
 */
final class SecretHeaders {
    /** The fields whose values are replaced, in lower case. */
    static final Set<String> NAMES = Set.of("cookie", "set-cookie", "authorization", "proxy-authorization");

    private SecretHeaders() {
    }

    /** {@code head} with secret values hashed; the same instance (raw bytes unchanged) when it has none. */
    static HttpHead redact(HttpHead head) {
        if (head.headers().stream().noneMatch(h -> secret(h.name()))) {
            return head;
        }
        List<HttpHead.Header> headers = new ArrayList<>();
        StringBuilder raw = new StringBuilder();
        String text = new String(head.raw(), StandardCharsets.ISO_8859_1);
        boolean inSecret = false;
        int at = 0;
        int field = -1; // index into head.headers() of the field the current line belongs to
        while (at < text.length()) {
            int nl = text.indexOf('\n', at);
            String line = nl < 0 ? text.substring(at) : text.substring(at, nl + 1);
            at = nl < 0 ? text.length() : nl + 1;
            String content = line.endsWith("\r\n") ? line.substring(0, line.length() - 2)
                    : line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
            boolean first = raw.length() == 0;
            boolean continuation = !first && !content.isEmpty() && (content.charAt(0) == ' ' || content.charAt(0) == '\t');
            if (first || content.isEmpty()) {
                raw.append(line);
                continue;
            }
            if (continuation) {
                if (!inSecret) {
                    raw.append(line);
                }
                continue; // a folded secret value was hashed whole with its first line
            }
            field++;
            HttpHead.Header h = head.headers().get(field);
            inSecret = secret(h.name());
            if (inSecret) {
                String end = line.substring(content.length());
                raw.append(h.name()).append(": ").append(hash(h.value())).append(end.isEmpty() ? "\r\n" : end);
            } else {
                raw.append(line);
            }
        }
        for (HttpHead.Header h : head.headers()) {
            headers.add(secret(h.name()) ? new HttpHead.Header(h.name(), hash(h.value())) : h);
        }
        return new HttpHead(head.startLine(), List.copyOf(headers), raw.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    /** {@code sha256:} and the lower-case hex SHA-256 of the value's ISO-8859-1 bytes. */
    static String hash(String value) {
        return "sha256:" + Sha256.ofBytes(value.getBytes(StandardCharsets.ISO_8859_1)).hex();
    }

    static boolean secret(String name) {
        return NAMES.contains(HttpHead.lower(name));
    }
}
