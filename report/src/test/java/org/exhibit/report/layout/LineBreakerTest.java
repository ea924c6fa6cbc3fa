package org.exhibit.report.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LineBreakerTest {
    private static final String HASH = "127c768967cb0e89e98dac0656159cb2d48ee2db759734aa32601a4d7958d89c";

    @Test
    void aHashThatFitsIsNeverBroken() {
        List<String> lines = LineBreaker.wrap("SHA-256 " + HASH + " of the screenshot", 64, String::length);
        assertThat(lines).containsExactly("SHA-256", HASH, "of the screenshot");
    }

    @Test
    void aUrlTooLongForTheLineBreaksAfterASlashAndLosesNothing() {
        String url = "https://social.example/u/jd/status/1234567890/photo/1";
        List<String> lines = LineBreaker.wrap(url, 30, String::length);
        assertThat(lines).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(30));
        assertThat(String.join("", lines)).isEqualTo(url);
        assertThat(lines.get(0)).endsWith("/");
    }

    @Test
    void aHashWiderThanTheColumnIsWrappedByCharacters() {
        List<String> lines = LineBreaker.wrap(HASH, 20, String::length);
        assertThat(lines).hasSize(4);
        assertThat(String.join("", lines)).isEqualTo(HASH);
    }

    @Test
    void newlinesStartNewLines() {
        assertThat(LineBreaker.wrap("a b\nc", 80, String::length)).containsExactly("a b", "c");
    }
}
