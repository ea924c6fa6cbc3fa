package org.exhibit.metadata.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.exhibit.metadata.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmailParserTest {
    private final EmailParser parser = new EmailParser();

    @Test
    void receivedChainYieldsHopsAndIpsInTravelOrder(@TempDir Path dir) throws IOException {
        Email mail = parser.parse(TestData.resource("email/threat.eml"), dir);

        List<Hop> hops = mail.hops();
        assertThat(hops).extracting(Hop::by).containsExactly(
                "smtp.gmail.com", "2002:a05:6a10:8e0c:b0:5e1:2f3a:1c7d", "mx1.lawfirm.example",
                "mailstore.lawfirm.example");
        assertThat(hops).extracting(Hop::fromIp).containsExactly("203.0.113.7", null, "209.85.220.41", "10.20.0.5");
        assertThat(hops.get(0).ips()).containsExactly("203.0.113.7", "192.168.1.23");
        assertThat(hops.get(0).from()).isEqualTo("[192.168.1.23]");
        assertThat(hops.get(0).fromHost()).isEqualTo("cpe-203-0-113-7.res.example.net");
        assertThat(hops.get(2).fromHost()).isEqualTo("mail-sor-f41.google.com");
        assertThat(hops).extracting(Hop::with).containsExactly("ESMTPSA", "SMTP", "ESMTPS", "LMTP");
        assertThat(hops).extracting(Hop::date).containsExactly(
                Instant.parse("2025-06-14T19:37:04Z"), Instant.parse("2025-06-14T19:37:05Z"),
                Instant.parse("2025-06-14T19:37:06Z"), Instant.parse("2025-06-14T19:37:07Z"));
        assertThat(mail.originatingIp()).isEqualTo("203.0.113.7");
        assertThat(mail.warnings()).isEmpty();
    }

    @Test
    void headersAreDecoded(@TempDir Path dir) throws IOException {
        Email mail = parser.parse(TestData.resource("email/threat.eml"), dir);
        assertThat(mail.from()).containsExactly("Jörg X <anon.sender@gmail.example>");
        assertThat(mail.to()).containsExactly("Victim <victim@lawfirm.example>");
        assertThat(mail.cc()).containsExactly("Someone, Else <else@example.com>");
        assertThat(mail.subject()).isEqualTo("Lösch es oder ich poste mehr");
        assertThat(mail.date()).isEqualTo(Instant.parse("2025-06-14T19:37:03Z"));
        assertThat(mail.messageId()).isEqualTo("<CAF1x9qZ-threat-0001@mail.gmail.example>");
    }

    @Test
    void attachmentsAreWrittenDecodedAsSeparateFiles(@TempDir Path dir) throws IOException {
        Email mail = parser.parse(TestData.resource("email/threat.eml"), dir);
        assertThat(mail.attachments()).extracting(Attachment::name).containsExactly("photo.png", "liste für dich.txt");
        Attachment png = mail.attachments().get(0);
        assertThat(png.file()).isEqualTo(dir.resolve("1-photo.png"));
        byte[] bytes = Files.readAllBytes(png.file());
        assertThat(bytes).startsWith(0x89, 'P', 'N', 'G');
        assertThat(png.size()).isEqualTo(bytes.length);
        assertThat(Files.readString(mail.attachments().get(1).file()))
                .contains("Instagram – @jd_private").contains("so that it continues here");
    }

    @Test
    void malformedEmailGivesWarningsNotAnException(@TempDir Path dir) throws IOException {
        Email mail = parser.parse(TestData.resource("email/malformed.eml"), dir);
        assertThat(mail.hops()).hasSize(1);
        assertThat(mail.originatingIp()).isNull();
        assertThat(mail.from()).isNotEmpty();
        assertThat(mail.warnings()).anySatisfy(w -> assertThat(w).contains("Missing start boundary"))
                .anySatisfy(w -> assertThat(w).startsWith("Date header is not an RFC 5322 date"))
                .anySatisfy(w -> assertThat(w).startsWith("Received header without a readable date"));
    }

    @Test
    void brokenBase64AttachmentIsAWarningAndNothingEscapesTheFolder(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("att");
        Email mail = parser.parse(TestData.resource("email/broken-base64.eml"), out);
        assertThat(mail.warnings()).anySatisfy(w -> assertThat(w).startsWith("attachment 1 (../../etc/evil.png)"));
        try (var files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile)).allSatisfy(f -> assertThat(f.getParent()).isEqualTo(out));
        }
    }

    @Test
    void binaryGarbageIsAnEmailWithWarnings(@TempDir Path dir) throws IOException {
        Path junk = Files.write(dir.resolve("junk.eml"), new byte[] {0, (byte) 0xff, 13, 10, 0, 1, 2});
        Email mail = parser.parse(junk, dir.resolve("att"));
        assertThat(mail.warnings()).isNotEmpty();
        assertThat(mail.attachments()).isEmpty();
    }

    @Test
    void mboxIsSplitIntoItsMessages(@TempDir Path dir) throws IOException {
        List<Email> mails = new MboxReader().read(TestData.resource("email/export.mbox"), dir);
        assertThat(mails).extracting(Email::messageId)
                .containsExactly("<CAF1x9qZ-threat-0001@mail.gmail.example>", "<second@example.com>");
        assertThat(mails.get(0).originatingIp()).isEqualTo("203.0.113.7");
        assertThat(mails.get(1).originatingIp()).isNull(); // only a loopback hop
        assertThat(mails.get(0).attachments()).extracting(a -> a.file().getFileName().toString())
                .containsExactly("1-1-photo.png", "1-2-liste für dich.txt");
    }

    @Test
    void privateAndLoopbackAddressesAreNotExternal() {
        assertThat(List.of("10.1.2.3", "172.16.0.1", "192.168.1.1", "127.0.0.1", "100.64.0.1", "169.254.1.1", "::1",
                "fe80::1", "fd00::1")).noneMatch(IpAddresses::isExternal);
        assertThat(List.of("203.0.113.7", "209.85.220.41", "172.32.0.1", "2001:4860:4860::8888"))
                .allMatch(IpAddresses::isExternal);
    }
}
