package org.exhibit.metadata.search;

/**
 * One place a search text was found.
 *
 * @param evidence the capture or item ("capture 0003", "item 0002")
 * @param file     the file, relative to the case folder
 * @param where    where in it ("message 4, Velvet Fox, ...; line 2", "line 17")
 * @param kind     page text, chat message, e-mail, OCR (machine-read)
 * @param snippet  the line it is on, shortened around it
 */
public record Hit(String evidence, String file, String where, String kind, String snippet) {
}
