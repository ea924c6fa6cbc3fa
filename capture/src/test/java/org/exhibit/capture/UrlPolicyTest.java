package org.exhibit.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UrlPolicyTest {
    @Test
    void httpAndHttpsUrlsAreAcceptedAsGiven() {
        assertThat(UrlPolicy.check(" https://example.org/post/123?x=1#c ").request())
                .isEqualTo(URI.create("https://example.org/post/123?x=1#c"));
        assertThat(UrlPolicy.check("HTTP://Example.ORG").request()).isEqualTo(URI.create("http://example.org/"));
        assertThat(UrlPolicy.check("http://127.0.0.1:8080/a%20b").request().getRawPath()).isEqualTo("/a%20b");
        assertThat(UrlPolicy.check("http://[::1]:8080/").request().getHost()).isEqualTo("[::1]");
    }

    @Test
    void internationalisedHostIsSentAsPunycodeAndRecordedInUnicode() {
        CaptureTarget t = UrlPolicy.check("https://Bücher.example/straße?q=ü");
        assertThat(t.request().toString()).isEqualTo("https://xn--bcher-kva.example/stra%C3%9Fe?q=%C3%BC");
        assertThat(t.url()).isEqualTo("https://bücher.example/straße?q=ü");
        assertThat(t.host()).isEqualTo("xn--bcher-kva.example");
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "javascript:alert(1)", "data:text/html,<b>x</b>",
            "chrome://settings", "ftp://example.org/x", "about:blank", "view-source:https://example.org"})
    void otherSchemesAreRefusedNamingTheScheme(String url) {
        String scheme = url.substring(0, url.indexOf(':'));
        assertThatThrownBy(() -> UrlPolicy.check(url)).isInstanceOf(RefusedUrlException.class)
                .hasMessageContaining("refused '" + url)
                .hasMessageContaining("expected an http or https URL, got scheme '" + scheme + "'")
                .hasMessageNotContaining("\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "example.org/post", "http://", "http:///path", "https:example.org",
            "http://exa mple.org/", "http://example.org:99999/", "http://example.org:/", "http://a..b/",
            "http://example.org/\u0000x", "http://[zz::1]/"})
    void malformedUrlsAreRefusedWithOneLine(String url) {
        assertThatThrownBy(() -> UrlPolicy.check(url)).isInstanceOf(RefusedUrlException.class)
                .hasMessageStartingWith("refused").hasMessageContaining("expected").hasMessageNotContaining("\n");
    }
}
