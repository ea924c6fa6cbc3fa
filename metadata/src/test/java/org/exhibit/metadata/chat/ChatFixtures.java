package org.exhibit.metadata.chat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

/**
 * Fictional chat exports in each format Exhibit reads, written by the tests (source: written for this project;
 * licence: the project's). The people, handles and numbers are invented.
 */
public final class ChatFixtures {
    private ChatFixtures() {
    }

    /** Android style, month/day/year and 12-hour clock, a multi-line message and an attachment. */
    public static final String WHATSAPP_ANDROID = """
            12/31/23, 9:40 PM - Messages and calls are end-to-end encrypted. No one outside of this chat can read them.
            12/31/23, 9:41 PM - Velvet Fox: hey, remember me? @velvet_fox_88
            12/31/23, 9:42 PM - Sam: who is this
            12/31/23, 9:43 PM - Velvet Fox: IMG-20231231-WA0001.jpg (file attached)
            look what I have
            12/31/23, 9:44 PM - Velvet Fox: pay 500 or everyone sees it.
            call +1 555 0100 if you want to talk
            1/13/24, 10:05 AM - Sam: stop
            """;

    /** iPhone style, day.month.year and seconds, with attachments. */
    public static final String WHATSAPP_IOS = """
            [31.12.23, 21:41:05] Velvet Fox: hey, remember me?
            [31.12.23, 21:41:40] Sam: who is this
            [31.12.23, 21:42:01] Velvet Fox: \u200e<attached: 00000012-PHOTO-2023-12-31-21-42-01.jpg>
            [31.12.23, 21:42:30] Velvet Fox: \u200e<attached: 00000013-PHOTO-2023-12-31-21-42-30.jpg>
            [13.01.24, 10:05:09] Sam: stop. I am going to the police
            """;

    public static final String TELEGRAM = """
            {
             "name": "Velvet Fox",
             "type": "personal_chat",
             "id": 5550100,
             "messages": [
              {"id": 1, "type": "message", "date": "2023-12-31T21:41:05", "date_unixtime": "1704055265",
               "from": "Velvet Fox", "from_id": "user5550100", "text": "hey, remember me?"},
              {"id": 2, "type": "message", "date": "2023-12-31T21:42:00", "date_unixtime": "1704055320",
               "from": "Velvet Fox", "from_id": "user5550100",
               "text": ["write to ", {"type": "mention", "text": "@velvet_fox_88"}, " or else"]},
              {"id": 3, "type": "message", "date": "2023-12-31T21:43:00", "date_unixtime": "1704055380",
               "from": "Velvet Fox", "from_id": "user5550100", "photo": "photos/photo_1@31-12-2023_21-43-00.jpg",
               "width": 64, "height": 48, "text": ""},
              {"id": 4, "type": "message", "date": "2024-01-13T10:05:09", "date_unixtime": "1705136709",
               "from": "Sam", "from_id": "user1", "text": "stop"}
             ]
            }
            """;

    /** Instagram's "Download your information" with its mojibake: "Jörg 😈" written byte by byte. */
    public static final String INSTAGRAM = """
            {
              "participants": [{"name": "velvet_fox_88"}, {"name": "J\\u00c3\\u00b6rg \\u00f0\\u009f\\u0098\\u0088"}],
              "messages": [
                {"sender_name": "velvet_fox_88", "timestamp_ms": 1705136709000, "content": "last chance",
                 "is_geoblocked_for_viewer": false},
                {"sender_name": "J\\u00c3\\u00b6rg \\u00f0\\u009f\\u0098\\u0088", "timestamp_ms": 1704055320000,
                 "content": "l\\u00c3\\u00b6sch das bitte", "is_geoblocked_for_viewer": false},
                {"sender_name": "velvet_fox_88", "timestamp_ms": 1704055265000, "content": "sent a photo",
                 "photos": [{"uri": "your_instagram_activity/messages/inbox/velvetfox_123/photos/1234.jpg",
                   "creation_timestamp": 1704055265}], "is_geoblocked_for_viewer": false}
              ],
              "title": "velvet_fox_88",
              "is_still_participant": true,
              "thread_path": "inbox/velvetfox_123"
            }
            """;

    public static final String DISCORD = """
            {
              "guild": {"id": "1", "name": "Direct Messages", "iconUrl": ""},
              "channel": {"id": "2", "type": "DirectTextChat", "name": "velvet_fox_88"},
              "dateRange": {"after": null, "before": null},
              "messages": [
                {"id": "10", "type": "Default", "timestamp": "2023-12-31T21:41:05.123+01:00", "isPinned": false,
                 "content": "hey, remember me?", "author": {"id": "77", "name": "velvet_fox_88", "nickname": "Fox"},
                 "attachments": []},
                {"id": "11", "type": "Default", "timestamp": "2023-12-31T21:43:00+01:00", "content": "",
                 "author": {"id": "77", "name": "velvet_fox_88", "nickname": "Fox"},
                 "attachments": [{"id": "90", "url": "dm.json_Files/photo-5A3F1.jpg", "fileName": "photo.jpg",
                   "fileSizeBytes": 1234}]},
                {"id": "12", "type": "Default", "timestamp": "2024-01-13T10:05:09+00:00", "content": "stop",
                 "author": {"id": "78", "name": "sam.v", "nickname": "Sam"}, "attachments": []}
              ],
              "messageCount": 3
            }
            """;

    /** A synthetic photo (a gradient with a number), different for each seed. */
    public static byte[] jpeg(int seed) throws IOException {
        BufferedImage img = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        for (int x = 0; x < 64; x++) {
            g.setColor(new Color((x * 4 + seed * 37) % 256, (seed * 91) % 256, 255 - x * 3));
            g.fillRect(x, 0, 1, 48);
        }
        g.setColor(Color.WHITE);
        g.drawString(String.valueOf(seed), 10, 30);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "jpg", out);
        return out.toByteArray();
    }

    public static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    public static Path write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.write(file, bytes);
    }

    /** A zip of the given entries, in order. */
    public static Path zip(Path file, Map<String, byte[]> entries) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream o = Files.newOutputStream(file); ZipOutputStream z = new ZipOutputStream(o)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return file;
    }
}
