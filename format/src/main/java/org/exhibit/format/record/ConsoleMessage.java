package org.exhibit.format.record;

import java.time.Instant;

/**
 * One message from the page's browser console.
 *
 * @param time  when the browser logged it
 * @param level SEVERE, WARNING, INFO, ...
 * @param text  the message as the browser reported it (source and line first)
 */
public record ConsoleMessage(Instant time, String level, String text) {
}
