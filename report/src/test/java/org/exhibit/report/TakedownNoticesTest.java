package org.exhibit.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.exhibit.integrity.digest.Sha256;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TakedownNoticesTest {
    @TempDir
    static Path tmp;
    static CaseFixture fixture;

    @BeforeAll
    static void makeCase() throws Exception {
        fixture = CaseFixture.create(Files.createDirectories(tmp.resolve("case")), 2, 1);
    }

    @Test
    void writesOneNoticePerHostAndASearchEngineNoticeInTextAndPdf() throws Exception {
        Path out = tmp.resolve("all");
        List<Path> written = TakedownNotices.write(fixture.dir, out, null, TakedownNotices.Basis.BOTH);
        assertThat(written).extracting(p -> p.getFileName().toString()).containsExactly(
                "takedown-cdn.example-img.net.txt", "takedown-cdn.example-img.net.pdf",
                "takedown-social.example.txt", "takedown-social.example.pdf",
                "search-delisting.txt", "search-delisting.pdf");
        String social = Files.readString(out.resolve("takedown-social.example.txt"));
        String screenshotSha = Sha256.of(fixture.dir.resolve("data/captures/0001/screenshot-viewport.png")).hex();
        String flat = social.replace("\n! ", " ").replaceAll("\\s+", " ");
        assertThat(flat).contains(fixture.urls).contains(screenshotSha, screenshotSha.substring(0, 32) + screenshotSha.substring(0, 32))
                .contains("captured 2026-11-24 10:16:00 UTC", "TSA time 2026-11-24 10:16:13 UTC (local)")
                .contains("Non-consensual intimate imagery")
                .contains("I have a good faith belief that use of the material in the manner complained of is not")
                .contains("under penalty of perjury")
                .contains("[full legal name]", "Signature:", "Exhibit never sends anything")
                .doesNotContain("cdn.example-img.net/p/1.jpg");
        assertThat(social.lines()).anyMatch(l -> l.strip().equals(screenshotSha));
        String cdn = Files.readString(out.resolve("takedown-cdn.example-img.net.txt"));
        String photoSha = Sha256.of(fixture.images.get(1)).hex();
        assertThat(cdn).contains("https://cdn.example-img.net/p/1.jpg", "https://cdn.example-img.net/p/2.jpg",
                "image/jpeg", photoSha);
        String pdf = ReportAssertions.pdfText(out.resolve("takedown-social.example.pdf"));
        assertThat(pdf).contains(fixture.urls).contains(screenshotSha, "17 U.S.C. § 512(c)(3)");
        assertThat(ReportAssertions.unembeddedFonts(out.resolve("takedown-social.example.pdf"))).isEmpty();
        String delist = Files.readString(out.resolve("search-delisting.txt")).replaceAll("\\s+", " ");
        assertThat(delist).contains(fixture.urls).contains("https://cdn.example-img.net/p/2.jpg")
                .contains("remove them from your web and image search results");
    }

    @Test
    void hostOptionLimitsTheNoticesAndCopyrightBasisLeavesOutTheConsentSection() throws Exception {
        Path out = tmp.resolve("one");
        List<Path> written = TakedownNotices.write(fixture.dir, out, "Social.Example", TakedownNotices.Basis.COPYRIGHT);
        assertThat(written).extracting(p -> p.getFileName().toString())
                .contains("takedown-social.example.txt").doesNotContain("takedown-cdn.example-img.net.txt");
        assertThat(Files.readString(out.resolve("takedown-social.example.txt")))
                .contains("Copyrighted work infringed").doesNotContain("Non-consensual intimate imagery");
        assertThat(Files.readString(out.resolve("search-delisting.txt"))).doesNotContain("cdn.example-img.net");
    }

    @Test
    void unknownHostIsRefusedListingTheHostsAndWritingNothing() {
        Path out = tmp.resolve("none");
        assertThatThrownBy(() -> TakedownNotices.write(fixture.dir, out, "other.example", TakedownNotices.Basis.BOTH))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected a host found in case 2026-017 (cdn.example-img.net, social.example), got other.example");
        assertThat(out).doesNotExist();
    }
}
