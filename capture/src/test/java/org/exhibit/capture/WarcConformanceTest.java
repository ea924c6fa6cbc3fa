package org.exhibit.capture;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.exhibit.capture.testsite.CaptureTestSite;
import org.exhibit.capture.warc.Page;
import org.exhibit.capture.warc.WaczWriter;
import org.exhibit.format.json.Json;
import org.exhibit.format.record.CaptureOutcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.Warcinfo;

/**
 * What other WARC tools see in Exhibit's captures: two captures of the test site with a real Chromium (an HTTPS
 * redirect chain to a page with gzip and chunked resources, and a page whose image never completes, which leaves a
 * truncated response and an exchange-outcome record), checked with jwarc's own validator and read back with jwarc.
 */
class WarcConformanceTest {
    private static final Pattern HEX_DIGEST =
            Pattern.compile("(?<=\r\n)(WARC-(?:Block|Payload)-Digest): sha256:([0-9a-f]{64})(?=\r\n)");
    @TempDir
    static Path tmp;
    static CaptureTestSite site;
    static CaptureCase kase;
    static CaptureResult article;
    static CaptureResult hang;

    @BeforeAll
    static void capture() throws Exception {
        site = CaptureTestSite.start();
        kase = new CaptureCase(tmp);
        article = kase.capturer(CaptureCase.TIMEOUTS).capture(site.https("/redirect/301").toString(), Map.of());
        hang = kase.capturer(CaptureCase.TIMEOUTS.withNavigate(Duration.ofSeconds(5)))
                .capture(site.http("/hang.html").toString(), Map.of());
        assertThat(article.outcome()).as(article.record().warnings().toString()).isEqualTo(CaptureOutcome.COMPLETE);
        assertThat(hang.outcome()).isEqualTo(CaptureOutcome.PARTIAL);
    }

    @AfterAll
    static void stop() {
        kase.close();
        site.close();
    }

    @Test
    void jwarcsValidatorAcceptsEveryWarcOfACompleteCapture() throws Exception {
        List<Path> warcs = warcs(article, "article");
        assertThat(warcs).hasSize(1);

        JwarcValidate result = JwarcValidate.run(warcs);

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertDigestsAreHex(warcs.get(0));
    }

    /**
     * The validator compares a response's HTTP Content-Length with the payload without looking at WARC-Truncated,
     * so a response cut off on the wire fails it however it is recorded, short of altering the recorded bytes. Every
     * other record of such a capture, its exchange-outcome record included, validates.
     */
    @Test
    void inAPartialCaptureOnlyTheTruncatedResponseFailsTheValidatorAndOnlyForItsContentLength() throws Exception {
        Path warc = warcs(hang, "hang").get(0);
        List<Long> truncated = new ArrayList<>();
        try (WarcReader reader = new WarcReader(warc)) {
            for (WarcRecord r = reader.next().orElse(null); r != null; r = reader.next().orElse(null)) {
                if (r.headers().first("WARC-Truncated").isPresent()) {
                    truncated.add(reader.position());
                }
            }
        }
        assertThat(truncated).isNotEmpty();

        JwarcValidate result = JwarcValidate.run(List.of(warc));

        assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
        List<String> errors = result.output().lines().filter(l -> l.contains("ERROR")).toList();
        assertThat(errors).as(result.output()).isNotEmpty()
                .allMatch(l -> l.endsWith("ERROR: invalid HTTP header Content-Length: 5000"));
        List<Long> failed = new ArrayList<>();
        Matcher m = Pattern.compile("offset (\\d+) \\(length \\d+\\) .* failed").matcher(result.output());
        while (m.find()) {
            failed.add(Long.parseLong(m.group(1)));
        }
        assertThat(failed).as(result.output()).hasSameSizeAs(errors).isSubsetOf(truncated);
        assertDigestsAreHex(warc);
    }

    @Test
    void digestsInTheBase32FormWrittenBeforeFailTheValidatorYetExhibitStillReadsThem() throws Exception {
        Path hex = warcs(article, "article-hex").get(0);
        Path base32 = withBase32Digests(hex, tmp.resolve("article-base32.warc"));
        String text = Files.readString(base32, StandardCharsets.ISO_8859_1);
        assertThat(text).containsPattern("WARC-Block-Digest: sha256:[A-Z2-7]{52}====\r\n")
                .containsPattern("WARC-Payload-Digest: sha256:[A-Z2-7]{52}====\r\n");
        long digests = Pattern.compile("-Digest: sha256:[A-Z2-7]{52}====\r\n").matcher(text).results().count();

        JwarcValidate result = JwarcValidate.run(List.of(base32));

        assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
        // one error per digest header, and no other
        assertThat(result.output().lines().filter(l -> l.contains("ERROR"))).as(result.output()).hasSize((int) digests)
                .allMatch(l -> l.matches(".*ERROR: Field has invalid value: sha256:[A-Z2-7]{52}===="));
        // the CDXJ index of the old form holds the same digests as that of the new one
        Path wacz = new WaczWriter("Exhibit test", Instant.now())
                .write(base32, List.of(new Page(article.record().finalUrl(), Instant.now(), null, null)),
                        tmp.resolve("base32.wacz")).path();
        assertThat(cdxjDigests(wacz)).isNotEmpty().isEqualTo(cdxjDigests(article.folder().resolve(CaptureArtifacts.WACZ)));
    }

    @Test
    void warcinfoNamesTheFileAsItIsInTheWaczAndTheSoftwareWithItsVersion() throws Exception {
        try (ZipFile wacz = new ZipFile(article.folder().resolve(CaptureArtifacts.WACZ).toFile());
             WarcReader reader = new WarcReader(wacz.getInputStream(wacz.getEntry("archive/data.warc.gz")))) {
            WarcRecord first = reader.next().orElseThrow();
            assertThat(first).isInstanceOf(Warcinfo.class);
            Warcinfo info = (Warcinfo) first;
            assertThat(info.filename()).hasValue("data.warc.gz");
            assertThat(info.fields().sole("software"))
                    .hasValue("Exhibit " + article.record().environment().exhibitVersion());
        }
    }

    @Test
    void pagesJsonlHasThePagesVisibleText() throws Exception {
        try (ZipFile wacz = new ZipFile(article.folder().resolve(CaptureArtifacts.WACZ).toFile());
             InputStream in = wacz.getInputStream(wacz.getEntry("pages/pages.jsonl"))) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            assertThat(lines).hasSize(2);
            JsonNode page = Json.MAPPER.readTree(lines.get(1));
            assertThat(page.get("url").asText()).isEqualTo(site.https("/article.html").toString());
            // the text as rendered, heading and paragraph on lines of their own (the DOM's textContent runs them together)
            assertThat(page.get("text").asText()).matches("Test article\n+A photo with a location:\\s*");
        }
    }

    private static void assertDigestsAreHex(Path warc) throws IOException {
        try (WarcReader reader = new WarcReader(warc)) {
            for (WarcRecord r : reader) {
                assertThat(r.headers().all("WARC-Block-Digest")).as(r.type() + " " + r.id()).singleElement()
                        .asString().matches("sha256:[0-9a-f]{64}");
                assertThat(r.headers().all("WARC-Payload-Digest")).as(r.type() + " " + r.id())
                        .allMatch(d -> d.matches("sha256:[0-9a-f]{64}"));
            }
        }
    }

    /** Every WARC inside the capture's WACZ, copied out under {@code tmp/<name>/}. */
    private static List<Path> warcs(CaptureResult capture, String name) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(name));
        List<Path> out = new ArrayList<>();
        try (ZipFile wacz = new ZipFile(capture.folder().resolve(CaptureArtifacts.WACZ).toFile())) {
            for (ZipEntry e : Collections.list(wacz.entries())) {
                if (e.getName().startsWith("archive/") && e.getName().matches(".*\\.warc(\\.gz)?")) {
                    Path target = dir.resolve(e.getName().substring("archive/".length()));
                    try (InputStream in = wacz.getInputStream(e)) {
                        Files.copy(in, target);
                    }
                    out.add(target);
                }
            }
        }
        return out;
    }

    /** The same records, uncompressed, with each digest header as Exhibit wrote it before: base32 ending in "====". */
    private static Path withBase32Digests(Path warcGz, Path out) throws IOException {
        String warc;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(warcGz))) {
            warc = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
        Matcher m = HEX_DIGEST.matcher(warc);
        String old = m.replaceAll(d -> Matcher.quoteReplacement(
                d.group(1) + ": " + new WarcDigest("sha256", d.group(2)).prefixedBase32()));
        assertThat(old).isNotEqualTo(warc);
        return Files.writeString(out, old, StandardCharsets.ISO_8859_1);
    }

    /** The digests of a WACZ's index.cdxj, one per line, as jwarc reads them. */
    private static List<WarcDigest> cdxjDigests(Path wacz) throws IOException {
        List<WarcDigest> digests = new ArrayList<>();
        try (ZipFile zip = new ZipFile(wacz.toFile());
             InputStream in = zip.getInputStream(zip.getEntry("indexes/index.cdxj"))) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
                JsonNode fields = Json.MAPPER.readTree(line.substring(line.indexOf('{')));
                if (fields.has("digest")) {
                    digests.add(new WarcDigest(fields.get("digest").asText()));
                }
            }
        }
        return digests;
    }
}
