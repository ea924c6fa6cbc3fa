package org.exhibit.metadata.chat;

import java.nio.file.Path;
import java.util.List;
import org.exhibit.format.record.ChatTranscript;
import org.exhibit.integrity.workspace.Derivation;

/**
 * A chat export as read.
 *
 * @param transcript the messages, or null when the file is not a chat export Exhibit reads
 * @param files      the attachments found (extracted from a zip, or beside a JSON export)
 * @param scratch    the temporary folder holding extracted attachments (the caller deletes it), or null
 * @param warnings   what could not be read
 */
public record ChatExport(ChatTranscript transcript, List<Derivation.Contained> files, Path scratch,
                         List<String> warnings) {
    public ChatExport {
        files = List.copyOf(files);
        warnings = List.copyOf(warnings);
    }

    static ChatExport none(List<String> warnings) {
        return new ChatExport(null, List.of(), null, warnings);
    }
}
