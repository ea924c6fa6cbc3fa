package org.exhibit.metadata.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.exhibit.format.json.Json;
import org.exhibit.format.layout.CaptureFolder;
import org.exhibit.format.layout.ItemFolder;
import org.exhibit.format.record.Artifact;
import org.exhibit.format.record.ChatTranscript;
import org.exhibit.format.record.ItemRecord;
import org.exhibit.integrity.workspace.CaseWorkspace;
import org.exhibit.metadata.email.EmailText;

/**
 * Every readable text of a case, in record order: each capture's {@code page-text.txt}; each item's chat
 * messages ({@code derived/messages.json}), its e-mail or mbox (headers and body text) and the OCR text of its
 * image ({@code derived/ocr.txt}). Files are only read; one that cannot be read is named in {@link #problems()}.
 *
 * <pre>{@code
 * CaseTexts texts = CaseTexts.of(CaseWorkspace.open(Path.of("cases/2026-017")));
 * List<Hit> hits = CaseSearch.search(texts.units(), "@velvet_fox_88");
 * }</pre>
 *
 * @param units    the texts
 * @param problems files that could not be read, one line each
 */
public record CaseTexts(List<TextUnit> units, List<String> problems) {
    public static final String PAGE = "page text";
    public static final String CHAT = "chat message";
    public static final String EMAIL = "e-mail";
    public static final String OCR = "OCR (machine-read)";

    public CaseTexts {
        units = List.copyOf(units);
        problems = List.copyOf(problems);
    }

    public static CaseTexts of(CaseWorkspace ws) throws IOException {
        List<TextUnit> units = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Path record : ws.records()) {
            Path folder = record.getParent();
            String subject = ws.subject(folder);
            String id = folder.getFileName().toString();
            try {
                if (record.getFileName().toString().equals(CaptureFolder.RECORD)) {
                    add(units, "capture " + id, ws, folder.resolve(CaptureFolder.PAGE_TEXT), "", PAGE);
                } else {
                    item(units, "item " + id, ws, folder, Json.read(record, ItemRecord.class));
                }
            } catch (IOException | RuntimeException e) {
                problems.add(subject + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            }
        }
        return new CaseTexts(units, problems);
    }

    private static void item(List<TextUnit> units, String evidence, CaseWorkspace ws, Path folder, ItemRecord r)
            throws IOException {
        for (Artifact a : r.artifacts()) {
            Path file = folder.resolve(a.path());
            if (!Files.isRegularFile(file)) {
                continue;
            }
            String rel = rel(ws, file);
            if (ItemFolder.ROLE_MESSAGES.equals(a.role())) {
                ChatTranscript t = Json.read(file, ChatTranscript.class);
                for (ChatTranscript.ChatMessage m : t.messages()) {
                    String text = (m.sender() == null ? "" : m.sender() + ": ") + m.text()
                            + (m.attachments().isEmpty() ? "" : "\n" + String.join("\n", m.attachments()));
                    units.add(new TextUnit(evidence, rel, "message " + m.number() + ", "
                            + (m.sender() == null ? "(system)" : m.sender()) + ", " + m.time(), CHAT, text));
                }
            } else if (ItemFolder.ROLE_OCR.equals(a.role())) {
                add(units, evidence, ws, file, "", OCR);
            } else if (ItemFolder.ROLE_ORIGINAL.equals(a.role()) && a.emails() != null) {
                List<String> texts = EmailText.read(file, a.emails().size() > 1 || "application/mbox".equals(a.mediaType()));
                for (int i = 0; i < texts.size(); i++) {
                    units.add(new TextUnit(evidence, rel, texts.size() == 1 ? "" : "message " + (i + 1), EMAIL,
                            texts.get(i)));
                }
            } else if (ItemFolder.ROLE_ORIGINAL.equals(a.role()) && "message/rfc822".equals(a.mediaType())) {
                units.add(new TextUnit(evidence, rel, "", EMAIL, EmailText.read(file, false).get(0)));
            }
        }
    }

    private static void add(List<TextUnit> units, String evidence, CaseWorkspace ws, Path file, String where,
                            String kind) throws IOException {
        if (Files.isRegularFile(file)) {
            units.add(new TextUnit(evidence, rel(ws, file), where, kind, Files.readString(file, StandardCharsets.UTF_8)));
        }
    }

    private static String rel(CaseWorkspace ws, Path file) {
        return ws.root().relativize(file).toString().replace('\\', '/');
    }
}
