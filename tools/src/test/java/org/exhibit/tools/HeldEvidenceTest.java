package org.exhibit.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.exhibit.format.json.Json;
import org.exhibit.format.record.EmailHeaders;
import org.exhibit.format.record.ItemRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Evidence the victim already holds (e-mails, chat exports, screenshots), ingested and reported with the CLI. */
class HeldEvidenceTest {
    @TempDir
    Path tmp;
    Path home;
    Path dir;

    @BeforeEach
    void makeCase() {
        home = tmp.resolve("home");
        dir = tmp.resolve("cases/2026-031");
        assertThat(Cli.run(home, "pw", "identity", "create", "--name", "Dana Reyes").exit()).isEqualTo(0);
        assertThat(Cli.run(home, null, "case", "init", dir.toString(), "--id", "2026-031", "--title", "Threats").exit())
                .isEqualTo(0);
    }

    /** A file of the metadata module's test resources (its test jar), copied to {@code to}. */
    static Path resource(String name, Path to) throws Exception {
        try (InputStream in = HeldEvidenceTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as("test resource " + name).isNotNull();
            Files.createDirectories(to.getParent());
            Files.copy(in, to);
        }
        return to;
    }

    ItemRecord ingest(Path file) throws Exception {
        Cli ingest = Cli.run(home, null, "ingest", "--case", dir.toString(), "--tsa", "local", file.toString());
        assertThat(ingest.exit()).as(ingest.err()).isEqualTo(0);
        try (var items = Files.list(dir.resolve("data/files"))) {
            Path last = items.sorted().reduce((a, b) -> b).orElseThrow();
            return Json.read(last.resolve("item.json"), ItemRecord.class);
        }
    }

    String report() throws Exception {
        Path out = tmp.resolve("report");
        Cli report = Cli.run(home, null, "report", "--case", dir.toString(), "-o", out.toString());
        assertThat(report.exit()).as(report.err()).isEqualTo(0);
        return Files.readString(out.resolve("report.html"));
    }

    @Test
    void anEmailsReceivedChainIsInTheItemRecordAndInTheReportInTravelOrder() throws Exception {
        ItemRecord item = ingest(resource("email/multi-hop.eml", tmp.resolve("in/multi-hop.eml")));
        EmailHeaders h = item.artifacts().get(0).emails().get(0);
        List<String> ips = List.of("127.0.0.1", "203.0.113.88", "198.51.100.14", "2001:db8:4f::25", "10.1.4.22");
        assertThat(h.hops()).extracting(EmailHeaders.Hop::fromIp).containsExactlyElementsOf(ips);
        assertThat(h.hops()).extracting(hop -> hop.timeUtc().toString()).containsExactly("2024-12-03T09:14:01Z",
                "2024-12-03T09:14:58Z", "2024-12-03T09:15:37Z", "2024-12-03T09:15:40Z", "2024-12-03T09:15:42Z");
        assertThat(h.originatingIp()).isEqualTo("203.0.113.88");

        String html = report();
        int at = html.indexOf("route and sender");
        assertThat(at).as("the e-mail section in the report").isPositive();
        List<String> inOrder = List.of("127.0.0.1", "laptop.home.lan", "2024-12-03 09:14:01",
                "203.0.113.88", "submit-7.quickpost.example", "2024-12-03 09:14:58",
                "198.51.100.14", "relay.quickpost.example", "2024-12-03 09:15:37",
                "2001:db8:4f::25", "mx2.inbox.example", "2024-12-03 09:15:40",
                "10.1.4.22", "store03.inbox.example", "2024-12-03 09:15:42");
        int table = html.indexOf("<table", html.indexOf("Originating IP", at));
        int pos = table;
        for (String s : inOrder) {
            int next = html.indexOf(s, pos);
            assertThat(next).as(s + " after position " + pos + " in the hop table").isGreaterThan(pos);
            pos = next;
        }
        assertThat(html).contains("Reply-To pay.me.now@anon-drop.example", "did not re-verify them offline",
                "d=quickpost.example s=qp2024");
    }
}
