package org.exhibit.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.exhibit.format.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.exhibit.format.layout.ItemFolder;
import org.exhibit.format.record.Artifact;
import org.exhibit.format.record.ChatTranscript;
import org.exhibit.format.record.EmailHeaders;
import org.exhibit.format.record.ItemRecord;
import org.exhibit.integrity.digest.Sha256;
import org.exhibit.integrity.workspace.CaseWorkspace;
import org.exhibit.metadata.chat.ChatFixtures;
import org.exhibit.metadata.ocr.ChatScreenshot;
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

    List<ItemRecord> items() throws Exception {
        try (var folders = Files.list(dir.resolve("data/files"))) {
            List<ItemRecord> out = new java.util.ArrayList<>();
            for (Path f : folders.sorted().toList()) {
                out.add(Json.read(f.resolve(ItemFolder.RECORD), ItemRecord.class));
            }
            return out;
        }
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

    @Test
    void aWhatsAppZipGivesItsMessagesAndEachMediaFileAsAnItemWithHashAndPdqShownInTheReport() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("_chat.txt", ChatFixtures.WHATSAPP_IOS.getBytes(StandardCharsets.UTF_8));
        byte[] p1 = ChatFixtures.jpeg(12);
        byte[] p2 = ChatFixtures.jpeg(13);
        entries.put("00000012-PHOTO-2023-12-31-21-42-01.jpg", p1);
        entries.put("00000013-PHOTO-2023-12-31-21-42-30.jpg", p2);
        Path zip = ChatFixtures.zip(tmp.resolve("in/WhatsApp Chat - Velvet Fox.zip"), entries);
        String zipSha = Sha256.of(zip).hex();

        Cli ingest = Cli.run(home, null, "ingest", "--case", dir.toString(), "--tsa", "local", zip.toString());
        assertThat(ingest.exit()).as(ingest.err()).isEqualTo(0);
        List<ItemRecord> items = items();
        assertThat(items).hasSize(3);
        ItemRecord chat = items.get(0);
        assertThat(chat.sha256()).isEqualTo(zipSha);
        assertThat(Sha256.of(dir.resolve("data/files/0001/WhatsApp Chat - Velvet Fox.zip")).hex()).isEqualTo(zipSha);
        Artifact derived = chat.artifacts().get(1);
        assertThat(derived.role()).isEqualTo("derived-messages");
        assertThat(derived.path()).isEqualTo("derived/messages.json");
        ChatTranscript t = Json.read(dir.resolve("data/files/0001/derived/messages.json"), ChatTranscript.class);
        assertThat(t.messages()).extracting(ChatTranscript.ChatMessage::sender).containsExactly("Velvet Fox", "Sam",
                "Velvet Fox", "Velvet Fox", "Sam");
        assertThat(t.messages().get(4).text()).isEqualTo("stop. I am going to the police");

        assertThat(items.get(1).sha256()).isEqualTo(Sha256.ofBytes(p1).hex());
        assertThat(items.get(2).sha256()).isEqualTo(Sha256.ofBytes(p2).hex());
        assertThat(items.get(1).containedIn()).isEqualTo(new ItemRecord.Container("0001",
                "00000012-PHOTO-2023-12-31-21-42-01.jpg"));
        assertThat(items.get(1).artifacts().get(0).pdq()).isNotNull();
        assertThat(items.get(1).mediaType()).isEqualTo("image/jpeg");
        assertThat(ingest.out()).contains("(in 0001: 00000012-PHOTO-2023-12-31-21-42-01.jpg)");

        String html = report();
        assertThat(html).contains("Conversation (5 messages, whatsapp export)", "hey, remember me?",
                "stop. I am going to the police", "00000012-PHOTO-2023-12-31-21-42-01.jpg (item 0002",
                "31.12.23, 21:41:05", "Blurred: may show intimate content");
    }

    @Test
    void aMalformedExportIsIngestedUnchangedWithAWarningAndTheRestGoesOn() throws Exception {
        Path broken = ChatFixtures.write(tmp.resolve("in/result.json"), ChatFixtures.TELEGRAM.substring(0, 150));
        Path discord = ChatFixtures.write(tmp.resolve("in/dm.json"), ChatFixtures.DISCORD);
        Cli ingest = Cli.run(home, null, "ingest", "--case", dir.toString(), "--tsa", "local", broken.toString(),
                discord.toString());
        assertThat(ingest.exit()).as(ingest.err()).isEqualTo(0);
        assertThat(ingest.err()).contains("chat export not read (not valid JSON");
        List<ItemRecord> items = items();
        assertThat(items).hasSize(2);
        assertThat(items.get(0).sha256()).isEqualTo(Sha256.of(broken).hex());
        assertThat(items.get(0).artifacts()).hasSize(1);
        assertThat(items.get(0).warnings()).anyMatch(w -> w.startsWith("chat export not read"));
        assertThat(items.get(1).artifacts()).extracting(Artifact::role).containsExactly("original", "derived-messages");
        assertThat(items.get(1).warnings()).anyMatch(w -> w.contains("dm.json_Files/photo-5A3F1.jpg")
                && w.contains("not beside the export"));
    }

    @Test
    void withNoParseAnExportIsOnlyAFile() throws Exception {
        Path discord = ChatFixtures.write(tmp.resolve("in/dm.json"), ChatFixtures.DISCORD);
        Cli ingest = Cli.run(home, null, "ingest", "--case", dir.toString(), "--tsa", "local", "--no-parse",
                discord.toString());
        assertThat(ingest.exit()).as(ingest.err()).isEqualTo(0);
        assertThat(items().get(0).artifacts()).hasSize(1);
    }

    @Test
    void aScreenshotsTextIsReadByOcrShownAsMachineReadAndFoundBySearchAndPeopleAcrossTheCase() throws Exception {
        Path png = ChatScreenshot.render(Files.createDirectories(tmp.resolve("in")).resolve("IMG_2041.png"));
        ItemRecord shot = ingest(png);
        assertThat(shot.artifacts()).extracting(Artifact::role).containsExactly("original", "derived-ocr");
        Artifact ocr = shot.artifacts().get(1);
        assertThat(ocr.ocr().machineRead()).isTrue();
        assertThat(Files.readString(dir.resolve("data/files/0001/derived/ocr.txt")))
                .contains(ChatScreenshot.HANDLE, ChatScreenshot.DATE);
        ingest(ChatFixtures.write(tmp.resolve("in/WhatsApp Chat with Velvet Fox.txt"), ChatFixtures.WHATSAPP_ANDROID));
        ingest(resource("email/multi-hop.eml", tmp.resolve("in/multi-hop.eml")));
        Path capture = CaseWorkspace.open(dir).newCaptureDir();
        Files.writeString(capture.resolve("page-text.txt"), "Profile\nVelvet Fox @velvet_fox_88\n"
                + "Contact: https://linktr.ee/velvetfox88 or +44 7700 900123\n");
        Json.write(capture.resolve("capture.json"), Map.of("id", capture.getFileName().toString(),
                "caseId", "2026-031", "requestedUrl", "https://social.example/velvet_fox_88", "outcome", "complete",
                "artifacts", List.of()));

        Cli search = Cli.run(home, null, "search", "--case", dir.toString(), "@velvet_fox_88");
        assertThat(search.exit()).as(search.err()).isEqualTo(0);
        assertThat(search.out().lines()).anyMatch(l -> l.startsWith("capture 0001  data/captures/0001/page-text.txt  line 2  [page text]"))
                .anyMatch(l -> l.startsWith("item 0001  data/files/0001/derived/ocr.txt") && l.contains("[OCR (machine-read)]"))
                .anyMatch(l -> l.startsWith("item 0002  data/files/0002/derived/messages.json  message 2, Velvet Fox, 12/31/23, 9:41 PM")
                        && l.contains("hey, remember me? @velvet_fox_88"))
                .anyMatch(l -> l.startsWith("item 0003  data/files/0003/multi-hop.eml") && l.contains("[e-mail]"));
        Cli date = Cli.run(home, null, "search", "--case", dir.toString(), ChatScreenshot.DATE);
        assertThat(date.out()).contains("item 0001  data/files/0001/derived/ocr.txt");
        Cli phone = Cli.run(home, null, "search", "--case", dir.toString(), "+15550100");
        assertThat(phone.out()).contains("item 0002", "call +1 555 0100");
        Cli none = Cli.run(home, null, "search", "--case", dir.toString(), "@nobody_here");
        assertThat(none.exit()).isEqualTo(1);
        assertThat(none.err()).contains("\"@nobody_here\" not found");

        Cli people = Cli.run(home, null, "people", "--case", dir.toString());
        assertThat(people.exit()).as(people.err()).isEqualTo(0);
        String list = people.out();
        assertThat(list).contains("handle  @velvet_fox_88\n", "handle  @sam_rivers_2009\n",
                "email  velvet.fox88@quickpost.example\n", "email  pay.me.now@anon-drop.example\n",
                "phone  +1 555 0100\n", "phone  +44 7700 900123\n", "host  linktr.ee\n", "sender  Velvet Fox\n");
        String fox = list.substring(list.indexOf("handle  @velvet_fox_88\n"));
        fox = fox.substring(0, fox.indexOf("\n", fox.indexOf("\n") + 1) + 1) + fox.lines().skip(1)
                .takeWhile(l -> l.startsWith("    ")).reduce("", (a, b) -> a + b + "\n");
        assertThat(fox).contains("capture 0001", "item 0001", "item 0002", "item 0003");
        assertThat(report()).contains("Text read by OCR (machine-read)", ChatScreenshot.HANDLE);
    }
}
