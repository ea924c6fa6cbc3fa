package org.exhibit.metadata.chat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.exhibit.format.record.ChatTranscript;
import org.exhibit.format.record.ChatTranscript.ChatMessage;

/**
 * The JSON chat exports: Telegram Desktop ({@code result.json}), Instagram and Facebook "Download your
 * information" ({@code message_1.json}) and DiscordChatExporter. Each is recognised by its keys.
 */
final class JsonExports {
    static final String TELEGRAM = "telegram";
    static final String INSTAGRAM = "instagram";
    static final String DISCORD = "discord";

    private JsonExports() {
    }

    /** The export's kind, or null when the JSON is none of them. */
    static String kind(JsonNode root) {
        JsonNode messages = root.path("messages");
        if (!messages.isArray()) {
            return null;
        }
        if (root.has("guild") || root.has("channel") || first(messages).has("author")) {
            return DISCORD;
        }
        if (root.has("participants") || first(messages).has("sender_name")) {
            return INSTAGRAM;
        }
        if (root.has("type") && root.has("id") || first(messages).has("date") || first(messages).has("from")) {
            return TELEGRAM;
        }
        return null;
    }

    private static JsonNode first(JsonNode messages) {
        return messages.isEmpty() ? messages.path(0) : messages.get(0);
    }

    static ChatTranscript parse(String kind, JsonNode root, String source) {
        return switch (kind) {
            case TELEGRAM -> telegram(root, source);
            case INSTAGRAM -> instagram(root, source);
            default -> discord(root, source);
        };
    }

    /** Telegram: date is the exporting computer's local time; date_unixtime, when present, gives its offset. */
    private static ChatTranscript telegram(JsonNode root, String source) {
        List<String> warnings = new ArrayList<>();
        Set<String> people = new LinkedHashSet<>();
        List<ChatMessage> out = new ArrayList<>();
        boolean offsets = false;
        for (JsonNode m : root.path("messages")) {
            String sender = text(m, "from");
            if (sender == null) {
                sender = text(m, "actor");
            }
            if (sender != null) {
                people.add(sender);
            }
            String date = text(m, "date");
            String timestamp = date;
            if (date != null && m.hasNonNull("date_unixtime")) {
                try {
                    LocalDateTime local = LocalDateTime.parse(date);
                    Instant utc = Instant.ofEpochSecond(Long.parseLong(m.get("date_unixtime").asText()));
                    long seconds = java.time.Duration.between(utc, local.toInstant(ZoneOffset.UTC)).toSeconds();
                    timestamp = OffsetDateTime.of(local, ZoneOffset.ofTotalSeconds((int) seconds)).toString();
                    offsets = true;
                } catch (NumberFormatException | java.time.DateTimeException e) {
                    warnings.add("message " + text(m, "id") + ": unreadable date " + date);
                }
            }
            String body = telegramText(m.path("text"));
            if (body.isEmpty() && "service".equals(text(m, "type")) && text(m, "action") != null) {
                body = "[" + text(m, "action") + "]";
            }
            List<String> files = new ArrayList<>();
            for (String key : List.of("photo", "file", "thumbnail")) {
                String f = text(m, key);
                if (f != null && !(key.equals("thumbnail") && !files.isEmpty())) {
                    files.add(f);
                }
            }
            out.add(new ChatMessage(out.size() + 1, sender, date, timestamp, body, files));
        }
        return new ChatTranscript(ChatTranscript.FORMAT, TELEGRAM, source, text(root, "name"),
                new ArrayList<>(people), offsets
                ? "the exporting computer's local time, with the offset its Unix times give"
                : "the exporting computer's local time; its zone is not recorded", out, warnings);
    }

    /** A Telegram text: a string, or an array of strings and entities ({"type": "mention", "text": "@x"}). */
    private static String telegramText(JsonNode t) {
        if (t.isTextual()) {
            return t.asText();
        }
        StringBuilder b = new StringBuilder();
        for (JsonNode part : t) {
            b.append(part.isTextual() ? part.asText() : part.path("text").asText(""));
        }
        return b.toString();
    }

    /** Instagram and Facebook: newest first in the file, listed oldest first here; UTF-8 mojibake undone. */
    private static ChatTranscript instagram(JsonNode root, String source) {
        List<String> warnings = new ArrayList<>();
        Set<String> people = new LinkedHashSet<>();
        for (JsonNode p : root.path("participants")) {
            String name = Mojibake.fix(p.isTextual() ? p.asText() : text(p, "name"));
            if (name != null) {
                people.add(name);
            }
        }
        List<JsonNode> nodes = new ArrayList<>();
        root.path("messages").forEach(nodes::add);
        nodes.sort(Comparator.comparingLong(m -> m.path("timestamp_ms").asLong(0)));
        List<ChatMessage> out = new ArrayList<>();
        for (JsonNode m : nodes) {
            String sender = Mojibake.fix(text(m, "sender_name"));
            if (sender != null) {
                people.add(sender);
            }
            String time = m.has("timestamp_ms") ? m.get("timestamp_ms").asText() : null;
            String timestamp = time == null ? null : Instant.ofEpochMilli(m.get("timestamp_ms").asLong()).toString();
            List<String> files = new ArrayList<>();
            for (String key : List.of("photos", "videos", "audio_files", "gifs", "files")) {
                for (JsonNode f : m.path(key)) {
                    if (f.hasNonNull("uri")) {
                        files.add(Mojibake.fix(f.get("uri").asText()));
                    }
                }
            }
            if (m.path("share").hasNonNull("link")) {
                files.add(m.path("share").get("link").asText());
            }
            String content = Mojibake.fix(text(m, "content"));
            out.add(new ChatMessage(out.size() + 1, sender, time, timestamp, content == null ? "" : content, files));
        }
        return new ChatTranscript(ChatTranscript.FORMAT, INSTAGRAM, source, Mojibake.fix(text(root, "title")),
                new ArrayList<>(people), "UTC: the export gives Unix times in milliseconds (time as written)",
                out, warnings);
    }

    /** DiscordChatExporter: ISO-8601 timestamps with their offset; attachments by URL or downloaded path. */
    private static ChatTranscript discord(JsonNode root, String source) {
        Set<String> people = new LinkedHashSet<>();
        List<ChatMessage> out = new ArrayList<>();
        for (JsonNode m : root.path("messages")) {
            String sender = text(m.path("author"), "name");
            if (sender != null) {
                people.add(sender);
            }
            List<String> files = new ArrayList<>();
            for (JsonNode a : m.path("attachments")) {
                String url = text(a, "url");
                files.add(url != null ? url : text(a, "fileName"));
            }
            String content = text(m, "content");
            out.add(new ChatMessage(out.size() + 1, sender, text(m, "timestamp"), text(m, "timestamp"),
                    content == null ? "" : content, files));
        }
        String guild = text(root.path("guild"), "name");
        String channel = text(root.path("channel"), "name");
        String title = guild == null ? channel : channel == null ? guild : guild + " / " + channel;
        return new ChatTranscript(ChatTranscript.FORMAT, DISCORD, source, title, new ArrayList<>(people),
                "as exported, with the offset each time carries", out, List.of());
    }

    private static String text(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() ? null : v.asText();
    }
}
