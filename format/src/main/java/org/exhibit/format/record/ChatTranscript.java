package org.exhibit.format.record;

import java.util.List;

/**
 * {@code data/files/<item-id>/derived/messages.json}: the messages of a chat export, read from the ingested file
 * (which stays byte for byte as received). Derived by Exhibit: what the export says, not more.
 *
 * @param format       1
 * @param app          the export's kind: {@code whatsapp}, {@code telegram}, {@code instagram} (Instagram or
 *                     Facebook "Download your information"), {@code discord} (DiscordChatExporter)
 * @param source       the file of the export the messages were read from (the item's file, or the chat text
 *                     inside a WhatsApp {@code .zip})
 * @param title        the chat's name as the export gives it, or null
 * @param participants the senders and listed participants, in order of first appearance
 * @param timeZone     what the export says about the zone of its times, in words
 * @param messages     every message, in the export's order
 * @param warnings     lines that could not be read, attachments not found; empty when none
 */
public record ChatTranscript(int format, String app, String source, String title, List<String> participants,
                             String timeZone, List<ChatMessage> messages, List<String> warnings) {
    public static final int FORMAT = 1;

    public ChatTranscript {
        participants = participants == null ? List.of() : List.copyOf(participants);
        messages = messages == null ? List.of() : List.copyOf(messages);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /**
     * One message as exported.
     *
     * @param number      its position, from 1
     * @param sender      who sent it, as the export names them; null for a system line
     * @param time        the time exactly as written in the export
     * @param timestamp   that time in ISO-8601: with its offset when the export records one, else a local date-time
     *                    (the exporting phone's zone, not recorded)
     * @param text        the text, multi-line messages joined with LF; empty for a media-only message
     * @param attachments the files the message refers to, by name or path as the export writes them
     */
    public record ChatMessage(int number, String sender, String time, String timestamp, String text,
                              List<String> attachments) {
        public ChatMessage {
            attachments = attachments == null ? List.of() : List.copyOf(attachments);
        }
    }
}
