package org.exhibit.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.exhibit.integrity.digest.Sha256;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TakedownNoticesTest {
    @TempDir
    static Path tmp;
    static CaseFixture fixture;
    static String photo;

    @BeforeAll
    static void makeCase() throws Exception {
        fixture = CaseFixture.create(Files.createDirectories(tmp.resolve("case")), 2, 1);
        photo = "resources/" + Sha256.of(fixture.images.get(1)).hex() + ".jpg";
    }

    static String flat(String s) {
        return s.replace("\n! ", " ").replaceAll("\\s+", " ");
    }

    @Test
    void aMatchAndAChosenCaptureAreNamedWithTheirPagesAndNothingElse() throws Exception {
        Path out = tmp.resolve("all");
        TakedownSelection chosen = new TakedownSelection(List.of("captures/0002"), List.of(
                new TakedownSelection.Match("captures/0001", photo, "PDQ distance 3 of 256 bits to me.jpg")));
        List<Path> written = TakedownNotices.write(fixture.dir, out, chosen, null, TakedownNotices.Basis.BOTH, null);
        assertThat(written).extracting(p -> p.getFileName().toString()).containsExactly(
                "takedown-cdn.example-img.net.txt", "takedown-cdn.example-img.net.pdf",
                "takedown-social.example.txt", "takedown-social.example.pdf",
                "search-delisting.txt", "search-delisting.pdf");
        String cdn = flat(Files.readString(out.resolve("takedown-cdn.example-img.net.txt")));
        String photoSha = Sha256.of(fixture.images.get(1)).hex();
        assertThat(cdn).contains("https://cdn.example-img.net/p/1.jpg", "image/jpeg",
                        "shown on https://social.example/u/jd/post/1001 shown on https://social.example/u/jd/post/1001?s=1",
                        "captured 2026-11-24 10:16:00 UTC (capture 0001)", "TSA time 2026-11-24 10:16:13 UTC (local)",
                        "matches the hash list: PDQ distance 3 of 256 bits to me.jpg", "1 item(s) on cdn.example-img.net",
                        "[abuse, trust & safety or designated DMCA agent of cdn.example-img.net]")
                .doesNotContain("cdn.example-img.net/p/2.jpg", "post/1002");
        assertThat(Files.readString(out.resolve("takedown-cdn.example-img.net.txt")).lines())
                .anyMatch(l -> l.strip().equals(photoSha));
        String social = flat(Files.readString(out.resolve("takedown-social.example.txt")));
        String screenshotSha = Sha256.of(fixture.dir.resolve("data/captures/0002/screenshot-viewport.png")).hex();
        assertThat(social).contains("https://cdn.example-img.net/p/1.jpg", "https://social.example/u/jd/post/1002",
                        "page (hash of its screenshot)", screenshotSha, "Non-consensual intimate imagery",
                        "under penalty of perjury", "[full legal name]", "Exhibit never sends anything")
                .doesNotContain("cdn.example-img.net/p/2.jpg");
        String pdf = ReportAssertions.pdfText(out.resolve("takedown-cdn.example-img.net.pdf"));
        assertThat(pdf).contains("https://cdn.example-img.net/p/1.jpg", "17 U.S.C. § 512(c)(3)");
        assertThat(ReportAssertions.unembeddedFonts(out.resolve("takedown-cdn.example-img.net.pdf"))).isEmpty();
        String delist = flat(Files.readString(out.resolve("search-delisting.txt")));
        assertThat(delist).contains("https://cdn.example-img.net/p/1.jpg", "https://social.example/u/jd/post/1002")
                .doesNotContain("p/2.jpg");
    }

    @Test
    void aChosenUrlHostOptionAndCopyrightBasis() throws Exception {
        Path out = tmp.resolve("one");
        TakedownSelection chosen = new TakedownSelection(List.of("https://cdn.example-img.net/p/2.jpg"), List.of());
        List<Path> written = TakedownNotices.write(fixture.dir, out, chosen, "Social.Example",
                TakedownNotices.Basis.COPYRIGHT, null);
        assertThat(written).extracting(p -> p.getFileName().toString())
                .contains("takedown-social.example.txt").doesNotContain("takedown-cdn.example-img.net.txt");
        assertThat(flat(Files.readString(out.resolve("takedown-social.example.txt"))))
                .contains("https://cdn.example-img.net/p/2.jpg", "shown on https://social.example/u/jd/post/1002")
                .contains("Copyrighted work infringed").doesNotContain("Non-consensual intimate imagery", "p/1.jpg");
    }

    @Test
    void theLookupAddressesEachNoticeWithTheIpTheCaptureRecordedAndSaysWhenItFailed() throws Exception {
        Path out = tmp.resolve("lookup");
        List<String> asked = new ArrayList<>();
        TakedownAddressee.Lookup lookup = (host, ip) -> {
            asked.add(host + "=" + ip);
            return host.equals("social.example")
                    ? new TakedownAddressee(List.of(new TakedownAddressee.Contact("abuse@registrar.example",
                    "Example Registrar, Inc.", "registrar of social.example")), null)
                    : new TakedownAddressee(List.of(), "rdap.example.net timed out after 10 s");
        };
        TakedownNotices.write(fixture.dir, out, new TakedownSelection(List.of("captures/0001/" + photo), List.of()),
                null, TakedownNotices.Basis.BOTH, lookup);
        assertThat(asked).containsExactly("cdn.example-img.net=198.51.100.9", "social.example=203.0.113.7");
        assertThat(flat(Files.readString(out.resolve("takedown-social.example.txt")))).contains(
                "To: abuse@registrar.example (abuse contact of Example Registrar, Inc., registrar of social.example)");
        assertThat(flat(Files.readString(out.resolve("takedown-cdn.example-img.net.txt")))).contains(
                "the host's abuse contact (lookup failed: rdap.example.net timed out after 10 s)");
    }

    @Test
    void nothingChosenOrAChoiceNotInTheCaseIsRefusedWritingNothing() {
        Path out = tmp.resolve("none");
        assertThatThrownBy(() -> TakedownNotices.write(fixture.dir, out, new TakedownSelection(null, null), null,
                TakedownNotices.Basis.BOTH, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("expected content to name in case 2026-017");
        assertThatThrownBy(() -> TakedownNotices.write(fixture.dir, out,
                new TakedownSelection(List.of("captures/0009"), null), null, TakedownNotices.Basis.BOTH, null))
                .matches(e -> TakedownNotices.isUnknownChoice((IllegalArgumentException) e))
                .hasMessage("expected a capture of case 2026-017 (captures/0001, captures/0002), got captures/0009");
        assertThatThrownBy(() -> TakedownNotices.write(fixture.dir, out,
                new TakedownSelection(List.of("https://other.example/x.jpg"), null), null, TakedownNotices.Basis.BOTH,
                null)).hasMessage("expected a page, image or video URL captured in case 2026-017, got "
                + "https://other.example/x.jpg");
        assertThatThrownBy(() -> TakedownNotices.write(fixture.dir, out,
                new TakedownSelection(List.of("captures/0001"), null), "other.example", TakedownNotices.Basis.BOTH,
                null)).hasMessage("expected a host of the chosen content in case 2026-017 (social.example), got other.example");
        assertThat(out).doesNotExist();
    }
}
