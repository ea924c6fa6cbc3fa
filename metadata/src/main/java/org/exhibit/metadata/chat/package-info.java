/**
 * Chat exports the victim holds, read into messages: WhatsApp "Export chat" ({@code .txt}, {@code .zip} with
 * media), Telegram Desktop JSON, Instagram/Facebook "Download your information" message JSON and
 * DiscordChatExporter JSON. Reading never changes the export; what cannot be read becomes a warning.
 */
package org.exhibit.metadata.chat;
