package org.exhibit.integrity.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.exhibit.format.custody.CustodyEvent;
import org.exhibit.format.custody.EventDetails;
import org.exhibit.format.record.Actor;
import org.junit.jupiter.api.Test;

/** Timelines derived from capture facts and rechecked lines: online, down, no answer, back. */
class TimelinesTest {
    private static final Actor ME = new Actor("Dana Reyes", "ab".repeat(32));

    @Test
    void aPageThatWentDownAndCameBackShowsWhenWithANoAnswerInBetweenCountingForNothing() {
        List<CaptureFacts> captures = List.of(
                facts("captures/0001", "HTTP://Host.example:80/p#top", 0, 200),
                facts("captures/0002", "http://host.example/p", 60, 200),
                facts("captures/0003", "http://host.example/p", 120, 410),
                facts("captures/0004", "http://host.example/p", 180, null),
                facts("captures/0005", "http://host.example/p", 240, 200),
                facts("captures/0006", "http://other.example/", 30, 200));
        List<CustodyEvent> events = List.of(
                rechecked("captures/0002", "unchanged", "HTTP 200, same text and media as captures/0001"),
                rechecked("captures/0003", "gone", "HTTP 410"),
                rechecked("captures/0004", "unreachable", "no answer"),
                rechecked("captures/0005", "back", "HTTP 200"));
        List<Timeline> all = Timelines.of(captures, events);
        assertThat(all).extracting(Timeline::url).containsExactly("HTTP://Host.example:80/p#top", "http://other.example/");
        Timeline t = all.get(0);
        assertThat(t.now()).isEqualTo(State.ONLINE);
        assertThat(t.firstSeen().capture()).isEqualTo("captures/0001");
        assertThat(t.periods()).extracting(Period::state)
                .containsExactly(State.ONLINE, State.GONE, State.NO_ANSWER, State.ONLINE);
        assertThat(t.periods().get(0).captures()).isEqualTo(2);
        assertThat(t.lines()).extracting(Timeline.Line::what).containsExactly(
                "first seen online (HTTP 200)",
                "checked: unchanged (HTTP 200, same text and media as captures/0001)",
                "went down: found gone (HTTP 410); last seen online " + at(60) + " (captures/0002)",
                "checked: unreachable (no answer)",
                "came back: online again (HTTP 200)");
    }

    @Test
    void withoutRechecksACaptureCountsByItsHttpAnswer() {
        Timeline t = Timelines.of(List.of(facts("captures/0001", "https://x.example/a", 0, 200),
                facts("captures/0002", "https://x.example/a", 10, 404),
                new CaptureFacts("captures/0003", "https://x.example/a", at(20),
                        null, "the page itself could not be fetched: https://x.example/a: cannot resolve x.example")),
                List.of()).get(0);
        assertThat(t.sightings()).extracting(Sighting::state).containsExactly(State.ONLINE, State.GONE, State.GONE);
        assertThat(t.sightings().get(2).reason()).isEqualTo("the host name does not resolve");
        assertThat(Timelines.key("HTTPS://X.example:443")).isEqualTo("https://x.example/");
        assertThat(Timelines.key("https://Bücher.example:443/x#top")).isEqualTo("https://xn--bcher-kva.example/x");
        assertThat(Timelines.key("http://me@bücher.example:8080")).isEqualTo("http://me@xn--bcher-kva.example:8080/");
    }

    @Test
    void aNoticeNamingTheUrlIsALineAndTheGoneAfterItSaysAfterWhichNoticeButNotAGoneBeforeIt() {
        List<CaptureFacts> captures = List.of(
                facts("captures/0001", "https://host.example/p", 0, 200),
                facts("captures/0002", "https://host.example/p", 120, 410),
                facts("captures/0003", "https://host.example/p", 240, 200),
                facts("captures/0004", "https://host.example/p", 360, 404),
                facts("captures/0005", "https://other.example/", 0, 200),
                facts("captures/0006", "https://other.example/", 360, 404));
        List<CustodyEvent> events = List.of(
                notice(60, "host.example", "abuse@registrar.example", "https://HOST.example:443/p#x"),
                notice(300, "cdn.example", null, "https://cdn.example/1.jpg", "https://host.example/p"),
                notice(400, "other.example", null, "https://other.example/"));
        List<Timeline> all = Timelines.of(captures, events);
        Timeline t = all.get(0);
        assertThat(t.periods()).extracting(Period::notice).containsExactly(null,
                "after the notice of " + at(60) + " to host.example", null,
                "after the notice of " + at(300) + " to cdn.example");
        assertThat(t.lines()).extracting(Timeline.Line::what).containsExactly(
                "first seen online (HTTP 200)",
                "takedown notice to host.example (abuse@registrar.example) drafted (takedown-host.example.txt)",
                "went down: found gone (HTTP 410); last seen online " + at(0) + " (captures/0001); after the notice of "
                        + at(60) + " to host.example",
                "came back: online again (HTTP 200)",
                "takedown notice to cdn.example drafted (takedown-cdn.example.txt)",
                "went down: found gone (HTTP 404); last seen online " + at(240) + " (captures/0003); after the notice of "
                        + at(300) + " to cdn.example");
        assertThat(t.back()).isFalse();
        Timeline other = all.get(1);
        assertThat(other.periods()).extracting(Period::notice).as("a notice after it went down is not why")
                .containsExactly(null, null);
        assertThat(other.lines()).last().extracting(Timeline.Line::capture).isEqualTo("takedown-other.example.txt");
    }

    private static CustodyEvent notice(int seconds, String host, String addressee, String... urls) {
        return new CustodyEvent(1, at(seconds), ME, CustodyEvent.NOTICE_DRAFTED, "notice:" + "cd".repeat(32),
                EventDetails.of(new EventDetails.NoticeDrafted(EventDetails.HOST_NOTICE, host, addressee,
                        "takedown-" + host + ".txt", "cd".repeat(32), "ef".repeat(32), List.of(urls))), "0".repeat(64));
    }

    private static CaptureFacts facts(String subject, String url, int seconds, Integer status) {
        return new CaptureFacts(subject, url, at(seconds), status, status == null ? "no answer" : null);
    }

    private static Instant at(int seconds) {
        return Instant.parse("2026-11-30T10:00:00Z").plusSeconds(seconds);
    }

    private static CustodyEvent rechecked(String subject, String verdict, String reason) {
        return new CustodyEvent(1, Instant.now(), ME, CustodyEvent.RECHECKED, subject,
                EventDetails.of(new EventDetails.Rechecked("http://host.example/p", verdict, reason, "0".repeat(64),
                        null, null, null, 0, 0, List.of(), List.of(), List.of(), List.of(), null)), "0".repeat(64));
    }
}
