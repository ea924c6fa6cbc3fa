package org.exhibit.metadata.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.exhibit.format.record.ChatTranscript;
import org.exhibit.format.record.ChatTranscript.ChatMessage;
import org.exhibit.integrity.workspace.Derivation;

/**
 * Recognises and reads a chat export: a WhatsApp {@code .txt} or {@code .zip}, or a Telegram, Instagram/Facebook
 * or DiscordChatExporter {@code .json}. Anything else is not a chat export and gives nothing. A file that looks
 * like an export but cannot be read gives a warning. The file is only read.
 *
 * <pre>{@code
 * ChatExport e = ChatExports.read(copy, "WhatsApp Chat with Velvet Fox.zip", "application/zip", input);
 * e.transcript().messages().get(0).sender();   // "Velvet Fox"
 * e.files();                                    // the media in the zip, extracted into e.scratch()
 * }</pre>
 */
public final class ChatExports {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How far up from a JSON export its attachments' paths may start (Instagram writes them from the export's root). */
    private static final int ROOT_LEVELS = 6;

    private ChatExports() {
    }

    /**
     * @param file      the file to read
     * @param name      its original name
     * @param mediaType its media type, detected from content
     * @param input     where the user's file is (attachments of a JSON or text export are looked for beside it),
     *                  or null
     */
    public static ChatExport read(Path file, String name, String mediaType, Path input) {
        String lower = name.toLowerCase(Locale.ROOT);
        try {
            if ("application/zip".equals(mediaType) || lower.endsWith(".zip")) {
                return zip(file, name);
            }
            if (lower.endsWith(".json") || startsWithBrace(file)) {
                return json(file, name, lower.endsWith(".json"), input);
            }
            if (mediaType.startsWith("text/") || lower.endsWith(".txt")) {
                if (!WhatsAppText.looksLike(firstLine(file))) {
                    return ChatExport.none(List.of());
                }
                ChatTranscript t;
                try (BufferedReader r = reader(Files.newInputStream(file))) {
                    t = WhatsAppText.parse(r, name);
                }
                return beside(t, input, 0);
            }
        } catch (IOException | RuntimeException e) {
            return ChatExport.none(List.of("chat export not read (the file is kept as it is): " + message(e)));
        }
        return ChatExport.none(List.of());
    }

    private static ChatExport zip(Path file, String name) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8)) {
            ZipEntry chat = null;
            List<ZipEntry> others = new ArrayList<>();
            for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements(); ) {
                ZipEntry e = en.nextElement();
                if (e.isDirectory()) {
                    continue;
                }
                String base = baseName(e.getName());
                if (chat == null && base.endsWith(".txt") && (base.equals("_chat.txt") || base.startsWith("WhatsApp Chat"))) {
                    chat = e;
                } else {
                    others.add(e);
                }
            }
            if (chat == null) {
                return ChatExport.none(List.of());
            }
            ChatTranscript t;
            try (BufferedReader r = reader(zip.getInputStream(chat))) {
                t = WhatsAppText.parse(r, name + "!/" + chat.getName());
            }
            Path scratch = Files.createTempDirectory("exhibit-chat-");
            List<Derivation.Contained> files = new ArrayList<>();
            List<String> warnings = new ArrayList<>(t.warnings());
            Set<String> used = new LinkedHashSet<>();
            for (ZipEntry e : others) {
                String base = safe(baseName(e.getName()));
                String unique = base;
                for (int n = 2; !used.add(unique); n++) {
                    unique = n + "-" + base;
                }
                Path dir = Files.createDirectories(scratch.resolve(String.valueOf(files.size() + 1)));
                Path out = dir.resolve(unique);
                try (InputStream in = zip.getInputStream(e)) {
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                    if (e.getLastModifiedTime() != null) {
                        Files.setLastModifiedTime(out, e.getLastModifiedTime());
                    }
                    files.add(new Derivation.Contained(out, e.getName()));
                } catch (IOException ex) {
                    warnings.add("zip entry " + e.getName() + " could not be extracted: " + message(ex));
                }
            }
            missing(t, files.stream().map(c -> baseName(c.path())).toList(), warnings);
            return new ChatExport(withWarnings(t, warnings), files, scratch, List.of());
        }
    }

    private static ChatExport json(Path file, String name, boolean namedJson, Path input) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            return ChatExport.none(namedJson ? List.of("chat export not read (not valid JSON; the file is kept as it "
                    + "is): " + e.getOriginalMessage()) : List.of());
        }
        String kind = root == null ? null : JsonExports.kind(root);
        if (kind == null) {
            return ChatExport.none(List.of());
        }
        return beside(JsonExports.parse(kind, root, name), input,
                JsonExports.INSTAGRAM.equals(kind) ? ROOT_LEVELS : 0);
    }

    /** The attachments a text or JSON export names that are on disk beside it (or under an ancestor, up to {@code levels}). */
    private static ChatExport beside(ChatTranscript t, Path input, int levels) {
        List<Derivation.Contained> files = new ArrayList<>();
        List<String> warnings = new ArrayList<>(t.warnings());
        Path dir = input == null ? null : input.toAbsolutePath().getParent();
        Set<String> seen = new LinkedHashSet<>();
        int notFound = 0;
        for (ChatMessage m : t.messages()) {
            for (String ref : m.attachments()) {
                if (!seen.add(ref) || ref.contains("://")) {
                    continue;
                }
                Path found = dir == null ? null : find(dir, ref, levels);
                if (found != null) {
                    files.add(new Derivation.Contained(found, ref));
                } else if (notFound++ < 20) {
                    warnings.add("attachment " + ref + " (message " + m.number() + ") is not beside the export: "
                            + "ingest it too if you have it");
                }
            }
        }
        if (notFound > 20) {
            warnings.add((notFound - 20) + " more attachments are not beside the export");
        }
        return new ChatExport(withWarnings(t, warnings), files, null, List.of());
    }

    private static Path find(Path dir, String ref, int levels) {
        Path d = dir;
        for (int i = 0; i <= levels && d != null; i++, d = d.getParent()) {
            try {
                Path p = d.resolve(ref).normalize();
                if (p.startsWith(d) && Files.isRegularFile(p)) {
                    return p;
                }
            } catch (java.nio.file.InvalidPathException e) {
                return null;
            }
        }
        return null;
    }

    private static void missing(ChatTranscript t, List<String> names, List<String> warnings) {
        Set<String> have = new LinkedHashSet<>(names);
        int n = 0;
        for (ChatMessage m : t.messages()) {
            for (String ref : m.attachments()) {
                if (!have.contains(baseName(ref)) && n++ < 20) {
                    warnings.add("attachment " + ref + " (message " + m.number() + ") is not in the zip");
                }
            }
        }
    }

    private static ChatTranscript withWarnings(ChatTranscript t, List<String> warnings) {
        return new ChatTranscript(t.format(), t.app(), t.source(), t.title(), t.participants(), t.timeZone(),
                t.messages(), warnings);
    }

    private static BufferedReader reader(InputStream in) {
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)), 1 << 16);
    }

    private static String firstLine(Path file) throws IOException {
        try (BufferedReader r = reader(Files.newInputStream(file))) {
            for (int i = 0; i < 20; i++) {
                String line = r.readLine();
                if (line == null) {
                    return null;
                }
                line = line.replace("\ufeff", "");
                if (!line.isBlank()) {
                    return line;
                }
            }
        }
        return null;
    }

    private static boolean startsWithBrace(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(64);
            for (byte b : head) {
                if (b == '{') {
                    return true;
                }
                if (!Character.isWhitespace(b) && (b & 0xff) != 0xef && (b & 0xff) != 0xbb && (b & 0xff) != 0xbf) {
                    return false;
                }
            }
        }
        return false;
    }

    static String baseName(String path) {
        String p = path.replace('\\', '/');
        return p.substring(p.lastIndexOf('/') + 1);
    }

    private static String safe(String name) {
        String s = name.replaceAll("[^\\p{L}\\p{N}._ ()+,@=\\[\\]-]", "_").replaceAll("^[.\\s]+", "");
        return s.isBlank() ? "file" : s;
    }

    private static String message(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
    }
}
