package org.exhibit.metadata;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.exhibit.format.json.Json;
import org.exhibit.format.layout.ItemFolder;
import org.exhibit.format.record.Artifact;
import org.exhibit.integrity.digest.Sha256;
import org.exhibit.integrity.workspace.ArtifactDescriber;
import org.exhibit.integrity.workspace.Derivation;
import org.exhibit.metadata.chat.ChatExport;
import org.exhibit.metadata.chat.ChatExports;
import org.exhibit.metadata.ocr.OcrText;
import org.exhibit.metadata.ocr.Tesseract;
import org.exhibit.metadata.ocr.TesseractMissingException;

/**
 * The describer this module installs for ingest ({@code META-INF/services}): media type, document and image
 * metadata, PDQ and MD5 through {@link ArtifactInspector}, so that {@code item.json} says as much about an
 * ingested file as {@code capture.json} says about a captured one; and, unless turned off, a chat export's
 * messages in {@code derived/messages.json} with its attachments as items of their own.
 */
public final class InspectingDescriber implements ArtifactDescriber {
    private final ArtifactInspector inspector = new ArtifactInspector();
    private final boolean chats;
    private final boolean ocr;
    private Tesseract tesseract;
    private String tesseractMissing;

    /** Reads chat exports and the text of images. */
    public InspectingDescriber() {
        this(true, true);
    }

    /**
     * @param chats whether chat exports are read into messages (off: the export is ingested as a file only)
     * @param ocr   whether the text of images is recognised with Tesseract (when it is missing, each image says so)
     */
    public InspectingDescriber(boolean chats, boolean ocr) {
        this.chats = chats;
        this.ocr = ocr;
    }

    /** Inspects the file with the SHA-256 ingest computed while copying (and checked by re-reading the copy). */
    @Override
    public Artifact describe(Path file, String path, String role, Sha256 sha256) throws IOException {
        return inspector.inspect(file, path, role, sha256);
    }

    @Override
    public Derivation derive(Path file, Artifact original, Path folder, Path input) throws IOException {
        if (ocr && original.pdq() != null) { // an image Exhibit could decode
            return ocr(file, original, folder);
        }
        if (!chats) {
            return Derivation.NONE;
        }
        ChatExport chat = ChatExports.read(file, original.path(), original.mediaType(), input);
        List<Artifact> derived = new ArrayList<>();
        List<String> warnings = new ArrayList<>(chat.warnings());
        if (chat.transcript() != null) {
            Path messages = folder.resolve(ItemFolder.MESSAGES);
            Files.createDirectories(messages.getParent());
            Json.write(messages, chat.transcript());
            derived.add(inspector.inspect(messages, ItemFolder.MESSAGES, ItemFolder.ROLE_MESSAGES));
            chat.transcript().warnings().forEach(w -> warnings.add("chat: " + w));
        }
        return new Derivation(derived, chat.files(), warnings, chat.scratch());
    }

    /** The image's text in {@code derived/ocr.txt}, marked machine-read; a missing Tesseract is a warning. */
    private Derivation ocr(Path file, Artifact original, Path folder) throws IOException {
        Tesseract t = tesseract();
        if (t == null) {
            return new Derivation(List.of(), List.of(), List.of("OCR: " + tesseractMissing), null);
        }
        OcrText text;
        try {
            text = t.read(file);
        } catch (TesseractMissingException e) {
            throw e;
        } catch (IOException e) {
            return new Derivation(List.of(), List.of(), List.of("OCR: " + e.getMessage()), null);
        }
        Path out = folder.resolve(ItemFolder.OCR_TEXT);
        Files.createDirectories(out.getParent());
        Files.writeString(out, text.text(), StandardCharsets.UTF_8);
        Artifact a = inspector.inspect(out, ItemFolder.OCR_TEXT, ItemFolder.ROLE_OCR).withOcr(new Artifact.Ocr(true,
                t.version(), t.languages(), original.path(), text.words(), text.meanConfidence()));
        return new Derivation(List.of(a), List.of(), List.of(), null);
    }

    private synchronized Tesseract tesseract() {
        if (tesseract == null && tesseractMissing == null) {
            try {
                tesseract = Tesseract.onPath();
            } catch (TesseractMissingException e) {
                tesseractMissing = e.getMessage();
            }
        }
        return tesseract;
    }
}
