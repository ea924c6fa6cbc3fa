package org.exhibit.metadata.search;

/**
 * One piece of a case's readable text.
 *
 * @param evidence  the capture or item it belongs to ("capture 0003", "item 0002")
 * @param file      the file it was read from, relative to the case folder
 * @param where     where in that file ("message 4, Velvet Fox, 31.12.23, 21:41:05"), or empty for the whole file
 * @param kind      what it is: page text, chat message, e-mail, OCR (machine-read)
 * @param text      the text
 */
public record TextUnit(String evidence, String file, String where, String kind, String text) {
}
