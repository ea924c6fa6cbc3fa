package org.exhibit.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.exhibit.capture.CaptureOptions;
import org.exhibit.capture.CaptureResult;
import org.exhibit.capture.Capturer;
import org.exhibit.capture.SampleSiteServer;
import org.exhibit.capture.browser.PageTimeouts;
import org.exhibit.format.json.Json;
import org.exhibit.format.record.CaptureOutcome;
import org.exhibit.integrity.identity.Identity;
import org.exhibit.integrity.identity.IdentityStore;
import org.exhibit.integrity.timestamp.LocalTsa;
import org.exhibit.integrity.timestamp.Timestamper;
import org.exhibit.integrity.timestamp.TrustAnchors;
import org.exhibit.integrity.timestamp.TsaServer;
import org.exhibit.integrity.workspace.CaseWorkspace;
import org.exhibit.report.depiction.Depicter;
import org.exhibit.report.depiction.ImageMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report of a real capture: the sample image-host page served on 127.0.0.1, captured by {@link Capturer} with
 * Chromium and the recording proxy, stamped by Exhibit's TSA; the report is checked against the capture.json the
 * capture wrote.
 */
class CapturedCaseReportTest {
    private static final PageTimeouts TIMEOUTS = new PageTimeouts(Duration.ofSeconds(20), Duration.ofSeconds(5),
            Duration.ofMillis(500), Duration.ofSeconds(30), 30, Duration.ofSeconds(30));

    @TempDir
    Path tmp;

    @Test
    void reportOfARealCaptureCarriesItsUrlIpHashesPdqAndGpsAndOnlyABlurredScreenshot() throws Exception {
        ExternalTools.require(ExternalTools.CHROMIUM, "chromium");
        ExternalTools.require(Path.of("/usr/bin/chromedriver"), "chromium-driver");
        Identity dana = new IdentityStore(tmp.resolve("home")).create("Dana Reyes", "Reyes Law", null,
                "pw".toCharArray(), false);
        CaseWorkspace ws = CaseWorkspace.init(tmp.resolve("case"), "2026-017", "Reposts of J.D.", dana.publicInfo());
        CaptureResult r;
        try (TsaServer tsa = TsaServer.start(LocalTsa.open(tmp.resolve("home/tsa")), 0);
             SampleSiteServer site = SampleSiteServer.start(Path.of("../samples/site"))) {
            Timestamper ts = new Timestamper(List.of(tsa.endpoint()), TrustAnchors.none().with(tsa.tsa().root()));
            try (Capturer capturer = new Capturer(ws, dana.publicInfo(),
                    CaptureOptions.defaults().withTimeouts(TIMEOUTS).withTimestamper(ts))) {
                r = capturer.capture(site.base() + "/image.html", Map.of("platform", "PicDrop", "username", "@sample"));
            }
        }
        assertThat(r.outcome()).as(r.record().warnings().toString()).isEqualTo(CaptureOutcome.COMPLETE);
        JsonNode record = Json.MAPPER.readTree(r.folder().resolve("capture.json").toFile());

        Path out = tmp.resolve("report");
        try (CaseReport report = CaseReport.open(ws.root())) {
            report.writeTo(out, ImageMode.BLURRED);
        }
        String html = Files.readString(out.resolve("report.html"));
        String pdf = ReportAssertions.pdfText(out.resolve("report.pdf"));
        List<String> hashes = new ArrayList<>();
        List<String> pdqs = new ArrayList<>();
        for (JsonNode a : record.path("artifacts")) {
            hashes.add(a.path("sha256").asText());
            if (a.hasNonNull("pdq")) {
                pdqs.add(a.path("pdq").path("hash").asText());
            }
        }
        assertThat(pdqs).isNotEmpty();
        for (String text : List.of(html, pdf)) {
            assertThat(text).contains(record.path("requestedUrl").asText(), "127.0.0.1", "PicDrop", "@sample",
                    record.path("title").asText(), record.path("environment").path("browser").asText())
                    .contains(hashes).contains(pdqs).contains("GPS");
        }
        assertThat(ReportAssertions.htmlImages(html)).hasSize(1)
                .allSatisfy(i -> assertThat(Math.max(i.getWidth(), i.getHeight())).isLessThanOrEqualTo(Depicter.BLUR_MAX));
        for (JsonNode a : record.path("artifacts")) {
            if (a.path("mediaType").asText().startsWith("image/")) {
                byte[] original = Files.readAllBytes(r.folder().resolve(a.path("path").asText()));
                assertThat(ReportAssertions.containsRunOf(html.getBytes(StandardCharsets.ISO_8859_1), original))
                        .as(a.path("path").asText()).isFalse();
                assertThat(ReportAssertions.containsRunOf(Files.readAllBytes(out.resolve("report.pdf")), original))
                        .as(a.path("path").asText()).isFalse();
            }
        }
    }
}
