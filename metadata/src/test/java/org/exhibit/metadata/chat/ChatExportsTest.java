package org.exhibit.metadata.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.exhibit.format.record.ChatTranscript;
import org.exhibit.format.record.ChatTranscript.ChatMessage;
import org.exhibit.integrity.digest.Sha256;
import org.exhibit.integrity.workspace.Derivation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.assertj.core.api.AbstractListAssert;
import org.assertj.core.api.ObjectAssert;
import org.assertj.core.groups.Tuple;

class ChatExportsTest {
    @TempDir
    Path dir;

    @Test
    void whatsAppAndroidTextGivesEveryMessageWithSenderLocalTimeAndText() throws IOException {
        Path txt = ChatFixtures.write(dir.resolve("WhatsApp Chat with Velvet Fox.txt"), ChatFixtures.WHATSAPP_ANDROID);
        ChatFixtures.write(dir.resolve("IMG-20231231-WA0001.jpg"), ChatFixtures.jpeg(1));
        ChatExport e = ChatExports.read(txt, txt.getFileName().toString(), "text/plain", txt);
        ChatTranscript t = e.transcript();
        assertThat(t.app()).isEqualTo("whatsapp");
        assertThat(t.messages()).extracting(ChatMessage::sender, ChatMessage::time, ChatMessage::timestamp,
                ChatMessage::text).containsExactly(
                tuple(null, "12/31/23, 9:40 PM", "2023-12-31T21:40:00",
                        "Messages and calls are end-to-end encrypted. No one outside of this chat can read them."),
                tuple("Velvet Fox", "12/31/23, 9:41 PM", "2023-12-31T21:41:00", "hey, remember me? @velvet_fox_88"),
                tuple("Sam", "12/31/23, 9:42 PM", "2023-12-31T21:42:00", "who is this"),
                tuple("Velvet Fox", "12/31/23, 9:43 PM", "2023-12-31T21:43:00", "look what I have"),
                tuple("Velvet Fox", "12/31/23, 9:44 PM", "2023-12-31T21:44:00",
                        "pay 500 or everyone sees it.\ncall +1 555 0100 if you want to talk"),
                tuple("Sam", "1/13/24, 10:05 AM", "2024-01-13T10:05:00", "stop"));
        assertThat(t.messages().get(3).attachments()).containsExactly("IMG-20231231-WA0001.jpg");
        assertThat(t.participants()).containsExactly("Velvet Fox", "Sam");
        assertThat(t.timeZone()).contains("does not record the zone");
        assertThat(e.files()).extracting(Derivation.Contained::path).containsExactly("IMG-20231231-WA0001.jpg");
        assertThat(t.warnings()).isEmpty();
    }

    @Test
    void whatsAppIphoneZipGivesMessagesAndExtractsEveryMediaFileUnchanged() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("_chat.txt", ChatFixtures.WHATSAPP_IOS.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        byte[] p1 = ChatFixtures.jpeg(12);
        byte[] p2 = ChatFixtures.jpeg(13);
        entries.put("00000012-PHOTO-2023-12-31-21-42-01.jpg", p1);
        entries.put("00000013-PHOTO-2023-12-31-21-42-30.jpg", p2);
        Path zip = ChatFixtures.zip(dir.resolve("WhatsApp Chat - Velvet Fox.zip"), entries);
        byte[] before = Files.readAllBytes(zip);
        ChatExport e = ChatExports.read(zip, zip.getFileName().toString(), "application/zip", zip);
        ChatTranscript t = e.transcript();
        assertThat(t.source()).isEqualTo("WhatsApp Chat - Velvet Fox.zip!/_chat.txt");
        assertMessages(t)
                .containsExactly(
                        tuple("Velvet Fox", "2023-12-31T21:41:05", "hey, remember me?"),
                        tuple("Sam", "2023-12-31T21:41:40", "who is this"),
                        tuple("Velvet Fox", "2023-12-31T21:42:01", ""),
                        tuple("Velvet Fox", "2023-12-31T21:42:30", ""),
                        tuple("Sam", "2024-01-13T10:05:09", "stop. I am going to the police"));
        assertThat(t.messages().get(2).attachments()).containsExactly("00000012-PHOTO-2023-12-31-21-42-01.jpg");
        assertThat(t.messages().get(0).time()).isEqualTo("31.12.23, 21:41:05");
        assertThat(e.files()).extracting(Derivation.Contained::path).containsExactly(
                "00000012-PHOTO-2023-12-31-21-42-01.jpg", "00000013-PHOTO-2023-12-31-21-42-30.jpg");
        assertThat(Sha256.of(e.files().get(0).file())).isEqualTo(Sha256.ofBytes(p1));
        assertThat(Sha256.of(e.files().get(1).file())).isEqualTo(Sha256.ofBytes(p2));
        assertThat(e.scratch()).isNotNull();
        assertThat(Files.readAllBytes(zip)).isEqualTo(before);
        assertThat(t.warnings()).isEmpty();
    }

    @Test
    void telegramJsonGivesTextsFromEntitiesAndTheOffsetItsUnixTimesShow() throws IOException {
        Path json = ChatFixtures.write(dir.resolve("export/result.json"), ChatFixtures.TELEGRAM);
        ChatFixtures.write(dir.resolve("export/photos/photo_1@31-12-2023_21-43-00.jpg"), ChatFixtures.jpeg(3));
        ChatExport e = ChatExports.read(json, "result.json", "text/plain", json);
        ChatTranscript t = e.transcript();
        assertThat(t.app()).isEqualTo("telegram");
        assertThat(t.title()).isEqualTo("Velvet Fox");
        assertMessages(t)
                .containsExactly(
                        tuple("Velvet Fox", "2023-12-31T21:41:05+01:00", "hey, remember me?"),
                        tuple("Velvet Fox", "2023-12-31T21:42+01:00", "write to @velvet_fox_88 or else"),
                        tuple("Velvet Fox", "2023-12-31T21:43+01:00", ""),
                        tuple("Sam", "2024-01-13T10:05:09+01:00", "stop"));
        assertThat(t.messages().get(2).attachments()).containsExactly("photos/photo_1@31-12-2023_21-43-00.jpg");
        assertThat(e.files()).extracting(Derivation.Contained::path)
                .containsExactly("photos/photo_1@31-12-2023_21-43-00.jpg");
    }

    @Test
    void instagramJsonIsReadOldestFirstWithItsMojibakeUndone() throws IOException {
        Path root = dir.resolve("instagram-velvet-2024");
        Path json = ChatFixtures.write(root.resolve("your_instagram_activity/messages/inbox/velvetfox_123/message_1.json"),
                ChatFixtures.INSTAGRAM);
        ChatFixtures.write(root.resolve("your_instagram_activity/messages/inbox/velvetfox_123/photos/1234.jpg"),
                ChatFixtures.jpeg(4));
        ChatExport e = ChatExports.read(json, "message_1.json", "text/plain", json);
        ChatTranscript t = e.transcript();
        assertThat(t.app()).isEqualTo("instagram");
        assertThat(t.participants()).containsExactly("velvet_fox_88", "Jörg 😈");
        assertMessages(t)
                .containsExactly(
                        tuple("velvet_fox_88", "2023-12-31T20:41:05Z", "sent a photo"),
                        tuple("Jörg 😈", "2023-12-31T20:42:00Z", "lösch das bitte"),
                        tuple("velvet_fox_88", "2024-01-13T09:05:09Z", "last chance"));
        assertThat(e.files()).extracting(Derivation.Contained::path)
                .containsExactly("your_instagram_activity/messages/inbox/velvetfox_123/photos/1234.jpg");
    }

    @Test
    void discordChatExporterJsonGivesAuthorsTimesWithOffsetsAndDownloadedAttachments() throws IOException {
        Path json = ChatFixtures.write(dir.resolve("dm.json"), ChatFixtures.DISCORD);
        ChatFixtures.write(dir.resolve("dm.json_Files/photo-5A3F1.jpg"), ChatFixtures.jpeg(5));
        ChatExport e = ChatExports.read(json, "dm.json", "application/json", json);
        ChatTranscript t = e.transcript();
        assertThat(t.app()).isEqualTo("discord");
        assertThat(t.title()).isEqualTo("Direct Messages / velvet_fox_88");
        assertMessages(t)
                .containsExactly(
                        tuple("velvet_fox_88", "2023-12-31T21:41:05.123+01:00", "hey, remember me?"),
                        tuple("velvet_fox_88", "2023-12-31T21:43:00+01:00", ""),
                        tuple("sam.v", "2024-01-13T10:05:09+00:00", "stop"));
        assertThat(e.files()).extracting(Derivation.Contained::path).containsExactly("dm.json_Files/photo-5A3F1.jpg");
    }

    @Test
    void aBrokenJsonExportGivesAWarningAndNoMessages() throws IOException {
        Path json = ChatFixtures.write(dir.resolve("result.json"), ChatFixtures.TELEGRAM.substring(0, 200));
        ChatExport e = ChatExports.read(json, "result.json", "text/plain", json);
        assertThat(e.transcript()).isNull();
        assertThat(e.warnings()).singleElement().asString().startsWith("chat export not read (not valid JSON");
    }

    @Test
    void aCorruptZipGivesAWarning() throws IOException {
        Path zip = ChatFixtures.write(dir.resolve("chat.zip"), new byte[] {'P', 'K', 3, 4, 1, 2, 3});
        ChatExport e = ChatExports.read(zip, "chat.zip", "application/zip", zip);
        assertThat(e.transcript()).isNull();
        assertThat(e.warnings()).singleElement().asString().startsWith("chat export not read");
    }

    @Test
    void ordinaryTextAndJsonAreNotChats() throws IOException {
        Path txt = ChatFixtures.write(dir.resolve("notes.txt"), "shopping: milk\n");
        assertThat(ChatExports.read(txt, "notes.txt", "text/plain", txt).transcript()).isNull();
        Path json = ChatFixtures.write(dir.resolve("config.json"), "{\"a\": 1}");
        ChatExport e = ChatExports.read(json, "config.json", "application/json", json);
        assertThat(e.transcript()).isNull();
        assertThat(e.warnings()).isEmpty();
    }

    /** Each message as (sender, timestamp, text), the shape every export test checks. */
    private static AbstractListAssert<?, java.util.List<? extends Tuple>, Tuple, ObjectAssert<Tuple>> assertMessages(
            ChatTranscript t) {
        return assertThat(t.messages()).extracting(ChatMessage::sender, ChatMessage::timestamp, ChatMessage::text);
    }
}
