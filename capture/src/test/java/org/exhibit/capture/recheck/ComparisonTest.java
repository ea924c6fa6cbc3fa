package org.exhibit.capture.recheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.exhibit.format.custody.RecheckVerdict;
import org.exhibit.format.layout.CaptureFolder;
import org.exhibit.format.record.Artifact;
import org.exhibit.format.record.CaptureOutcome;
import org.exhibit.format.record.CaptureRecord;
import org.exhibit.integrity.timeline.State;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The verdicts of a new capture against the last one online, from capture folders written here. */
class ComparisonTest {
    private static final String PDQ = "f".repeat(16) + "0".repeat(48);
    /** {@link #PDQ} with 8 bits flipped: the same picture re-encoded. */
    private static final String PDQ_NEAR = "f".repeat(14) + "00" + "0".repeat(48);
    /** 128 bits away: another picture. */
    private static final String PDQ_FAR = "0".repeat(16) + "f".repeat(32) + "0".repeat(16);
    @TempDir
    Path tmp;
    private int n;

    @Test
    void theSamePageWithItsImageReEncodedIsUnchangedAndAnEditedCaptionOrANewImageIsChanged() throws Exception {
        Snapshot before = capture(200, "Post\nA caption", image("a.jpg", "1", PDQ));
        Comparison same = Comparison.of(capture(200, "Post\n  A   caption ", image("b.jpg", "2", PDQ_NEAR)), State.ONLINE, before);
        assertThat(same.verdict()).isEqualTo(RecheckVerdict.UNCHANGED);
        assertThat(same.reason()).isEqualTo("HTTP 200, same text and media as " + before.subject());

        Comparison edited = Comparison.of(capture(200, "Post\nAnother caption", image("a.jpg", "1", PDQ),
                image("c.jpg", "3", PDQ_FAR)), State.ONLINE, before);
        assertThat(edited.verdict()).isEqualTo(RecheckVerdict.CHANGED);
        assertThat(edited.textAdded()).containsExactly("Another caption");
        assertThat(edited.textRemoved()).containsExactly("A caption");
        assertThat(edited.mediaAdded()).containsExactly("resources/c.jpg");
        assertThat(edited.mediaRemoved()).isEmpty();
        assertThat(edited.reason()).isEqualTo("HTTP 200, 1 text line added, 1 text line removed, 1 image or video added");
        assertThat(edited.comparedWith()).isEqualTo(before.subject());
    }

    @Test
    void gone410DnsOrARemovalNoticeThePageDidNotShowBeforeAndBackAfterGone() throws Exception {
        Snapshot before = capture(200, "Post\nReport this post if it has been removed elsewhere");
        assertThat(Comparison.of(capture(410, "Gone"), State.ONLINE, before).verdict()).isEqualTo(RecheckVerdict.GONE);
        assertThat(Comparison.of(capture(null, ""), State.ONLINE, before).verdict()).isEqualTo(RecheckVerdict.GONE);
        Comparison notice = Comparison.of(capture(200, "Sorry, this content is no longer available."), State.ONLINE, before);
        assertThat(notice.verdict()).isEqualTo(RecheckVerdict.GONE);
        assertThat(notice.reason()).isEqualTo("HTTP 200, the page now says \"this content is no longer available\"");
        assertThat(Comparison.of(capture(200, "Post\nReport this post if it has been removed elsewhere"), State.ONLINE,
                before).verdict()).as("a phrase the page always showed").isEqualTo(RecheckVerdict.UNCHANGED);
        assertThat(Comparison.of(capture(503, "Busy"), State.ONLINE, before).verdict()).isEqualTo(RecheckVerdict.UNREACHABLE);
        assertThat(Comparison.of(capture(200, "Post\nReport this post if it has been removed elsewhere"), State.GONE,
                before).verdict()).isEqualTo(RecheckVerdict.BACK);
    }

    /** A capture folder with {@code page-text.txt} and a record; a null status with a DNS failure's warning. */
    private Snapshot capture(Integer status, String text, Artifact... media) throws Exception {
        String id = String.format("%04d", ++n);
        Path dir = Files.createDirectories(tmp.resolve(id));
        Files.writeString(dir.resolve(CaptureFolder.PAGE_TEXT), text);
        List<Artifact> artifacts = new ArrayList<>(List.of(Artifact.of(CaptureFolder.PAGE_TEXT, "page-text", "text/plain",
                text.length(), "0".repeat(64))));
        artifacts.addAll(List.of(media));
        CaptureRecord r = new CaptureRecord(CaptureRecord.FORMAT, id, "c", "https://x.example/p", "https://x.example/p",
                status == null ? null : "https://x.example/p", List.of(),
                status == null ? null : new CaptureRecord.MainDocument("https://x.example/p", status, List.of()), "Post",
                Instant.now(), Instant.now(), status == null ? CaptureOutcome.FAILED : CaptureOutcome.COMPLETE,
                status == null ? List.of("the page itself could not be fetched: https://x.example/p: cannot resolve x.example")
                        : List.of(), List.of(), null, null, null, List.of(), List.of(), List.of(), artifacts, List.of());
        return new Snapshot("captures/" + id, dir, r);
    }

    private static Artifact image(String name, String sha, String pdq) {
        return new Artifact("resources/" + name, "resource", "image/jpeg", 100, sha.repeat(64), null,
                new Artifact.Pdq(pdq, 100), null, null, null, null, "https://x.example/" + name, List.of());
    }
}
