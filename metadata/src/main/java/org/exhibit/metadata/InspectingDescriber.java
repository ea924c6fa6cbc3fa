package org.exhibit.metadata;

import java.io.IOException;
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

/**
 * The describer this module installs for ingest ({@code META-INF/services}): media type, document and image
 * metadata, PDQ and MD5 through {@link ArtifactInspector}, so that {@code item.json} says as much about an
 * ingested file as {@code capture.json} says about a captured one; and, unless turned off, a chat export's
 * messages in {@code derived/messages.json} with its attachments as items of their own.
 */
public final class InspectingDescriber implements ArtifactDescriber {
    private final ArtifactInspector inspector = new ArtifactInspector();
    private final boolean chats;

    /** Reads chat exports. */
    public InspectingDescriber() {
        this(true);
    }

    /** @param chats whether chat exports are read into messages (off: the export is ingested as a file only) */
    public InspectingDescriber(boolean chats) {
        this.chats = chats;
    }

    /** Inspects the file with the SHA-256 ingest computed while copying (and checked by re-reading the copy). */
    @Override
    public Artifact describe(Path file, String path, String role, Sha256 sha256) throws IOException {
        return inspector.inspect(file, path, role, sha256);
    }

    @Override
    public Derivation derive(Path file, Artifact original, Path folder, Path input) throws IOException {
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
}
