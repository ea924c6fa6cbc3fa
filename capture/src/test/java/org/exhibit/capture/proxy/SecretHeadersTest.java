package org.exhibit.capture.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SecretHeadersTest {
    private static HttpHead read(String text) throws Exception {
        return HttpHead.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)));
    }

    private static String sha256(String s) throws Exception {
        return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(s.getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void cookieAndAuthorizationValuesBecomeTheirSha256AndEveryOtherByteStaysAsItWas() throws Exception {
        HttpHead head = read("GET /members HTTP/1.1\r\nHost: 127.0.0.1:8080\r\ncookie:   session=s3cr3t; theme=dark  \r\n"
                + "Authorization: Bearer abc.def\r\nAccept:*/*\r\n\r\n");
        HttpHead r = SecretHeaders.redact(head);
        String raw = new String(r.raw(), StandardCharsets.ISO_8859_1);
        assertThat(raw).isEqualTo("GET /members HTTP/1.1\r\nHost: 127.0.0.1:8080\r\ncookie: "
                + sha256("session=s3cr3t; theme=dark") + "\r\nAuthorization: " + sha256("Bearer abc.def")
                + "\r\nAccept:*/*\r\n\r\n");
        assertThat(raw).doesNotContain("s3cr3t").doesNotContain("abc.def");
        assertThat(r.first("Cookie")).contains(sha256("session=s3cr3t; theme=dark"));
        assertThat(read(raw).headers()).isEqualTo(r.headers()); // the recorded head parses to what the record lists
    }

    @Test
    void everySetCookieOfAResponseIsHashedOnItsOwnAndAFoldedValueWhole() throws Exception {
        HttpHead head = read("HTTP/1.1 200 OK\r\nSet-Cookie: a=1; Path=/\r\nSet-Cookie: b=2;\r\n HttpOnly\r\n"
                + "Proxy-Authorization: Basic Zm9v\r\nContent-Length: 0\r\n\r\n");
        String raw = new String(SecretHeaders.redact(head).raw(), StandardCharsets.ISO_8859_1);
        assertThat(raw).isEqualTo("HTTP/1.1 200 OK\r\nSet-Cookie: " + sha256("a=1; Path=/") + "\r\nSet-Cookie: "
                + sha256("b=2; HttpOnly") + "\r\nProxy-Authorization: " + sha256("Basic Zm9v")
                + "\r\nContent-Length: 0\r\n\r\n");
    }

    @Test
    void aHeadWithoutSecretsIsKeptByteForByte() throws Exception {
        HttpHead head = read("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Cookie-Note:  none\r\n\r\n");
        assertThat(SecretHeaders.redact(head)).isSameAs(head);
    }
}
