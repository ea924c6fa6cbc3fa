package org.exhibit.capture.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BrowserOptionsTest {
    @Test
    void debianPathsUnlessTheEnvironmentNamesOthers() {
        BrowserOptions debian = BrowserOptions.defaults(Map.of());
        assertThat(debian.chromium()).isEqualTo(Path.of("/usr/bin/chromium"));
        assertThat(debian.chromedriver()).isEqualTo(Path.of("/usr/bin/chromedriver"));
        BrowserOptions env = BrowserOptions.defaults(Map.of("EXHIBIT_CHROMIUM", "/opt/c/chrome", "EXHIBIT_CHROMEDRIVER", " /opt/c/driver "));
        assertThat(env.chromium()).isEqualTo(Path.of("/opt/c/chrome"));
        assertThat(env.chromedriver()).isEqualTo(Path.of("/opt/c/driver"));
        assertThat(env.withChromium(null).chromium()).isEqualTo(Path.of("/opt/c/chrome"));
    }

    @Test
    void switchesRouteEverythingThroughTheProxyTrustingOnlyItsKey() {
        BrowserOptions o = BrowserOptions.defaults(Map.of()).withViewport(Viewport.parse("1280x720"))
                .withProxy("127.0.0.1:41234", List.of("AAAA=", "BBBB="));
        List<String> args = Browser.arguments(o, Path.of("/tmp/profile-x"));
        assertThat(args).contains("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-quic", "--window-size=1280,720", "--user-data-dir=/tmp/profile-x",
                "--proxy-server=http://127.0.0.1:41234", "--proxy-bypass-list=<-loopback>",
                "--ignore-certificate-errors-spki-list=AAAA=,BBBB=");
        assertThat(args).noneMatch(a -> a.startsWith("--ignore-certificate-errors="));
        assertThat(Browser.arguments(BrowserOptions.defaults(Map.of()), null)).noneMatch(a -> a.startsWith("--proxy"));
    }

    @Test
    void windowSizesAreParsedOrRefusedNamingTheValue() {
        assertThat(Viewport.parse("1366x900")).isEqualTo(Viewport.DEFAULT);
        assertThat(Viewport.parse(" 800X600 ")).isEqualTo(new Viewport(800, 600));
        assertThatThrownBy(() -> Viewport.parse("big")).hasMessage("expected a window size like 1366x900, got 'big'");
        assertThatThrownBy(() -> Viewport.parse("10x10"))
                .hasMessage("expected a window between 320x240 and 7680x4320, got 10x10");
    }
}
