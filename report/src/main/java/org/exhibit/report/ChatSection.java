package org.exhibit.report;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.exhibit.format.json.Json;
import org.exhibit.format.layout.ItemFolder;
import org.exhibit.format.record.Artifact;
import org.exhibit.format.record.ChatTranscript;
import org.exhibit.report.layout.Column;
import org.exhibit.report.layout.Field;
import org.exhibit.report.layout.ReportSink;
import org.exhibit.report.source.CaseFiles;

/**
 * A chat export's conversation, from the item's {@code derived/messages.json}: every message with its time as
 * exported, sender and text. Media are not drawn here: each attachment is named with the item it was ingested
 * as, whose section depicts it (blurred unless the report shows images).
 */
final class ChatSection {
    private ChatSection() {
    }

    /**
     * @param contained the item id of each file taken from another item, keyed {@code <item id>/<path in it>}
     */
    static void write(ReportSink out, CaseFiles files, String folder, String itemId, List<Artifact> artifacts,
                      Map<String, String> contained) throws IOException {
        Artifact messages = Depictions.pick(artifacts, ItemFolder.ROLE_MESSAGES);
        if (messages == null) {
            return;
        }
        String path = folder + "/" + messages.path();
        if (!files.exists(path)) {
            out.notice("The file " + path + " is listed but missing from the case.");
            return;
        }
        ChatTranscript t;
        try (InputStream in = files.open(path)) {
            t = Json.MAPPER.readValue(in, ChatTranscript.class);
        }
        out.heading(3, "Conversation (" + t.messages().size() + " messages, " + t.app() + " export)");
        out.fields(List.of(
                Field.text("Read from", CaptureSection.text(t.source())),
                Field.text("Chat", CaptureSection.text(t.title())),
                Field.text("Participants", String.join(", ", t.participants())),
                Field.text("Times", CaptureSection.text(t.timeZone())),
                Field.text("Derived", "read by Exhibit from the export into " + messages.path() + " (SHA-256 "
                        + messages.sha256() + "); the export itself is unchanged"),
                Field.text("Warnings", CaptureSection.lines(t.warnings()))));
        try (ReportSink.Table table = out.table(Column.text("#", 0.4f), Column.text("Time (as exported)", 1.4f),
                Column.text("Sender", 1.2f), Column.text("Text", 4.0f), Column.text("Attachments", 1.8f))) {
            for (ChatTranscript.ChatMessage m : t.messages()) {
                List<String> atts = new ArrayList<>();
                for (String a : m.attachments()) {
                    String item = contained.get(itemId + "/" + a);
                    atts.add(a + (item == null ? " (not in the case)" : " (item " + item + ", media blurred there)"));
                }
                table.row(String.valueOf(m.number()), CaptureSection.text(m.time()),
                        m.sender() == null ? "(system)" : m.sender(), CaptureSection.text(m.text()),
                        String.join("\n", atts));
            }
        }
    }
}
