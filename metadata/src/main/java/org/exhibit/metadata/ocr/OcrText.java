package org.exhibit.metadata.ocr;

/**
 * The text Tesseract recognised in one image.
 *
 * @param text           the words, one recognised line per line, in reading order
 * @param words          how many words
 * @param meanConfidence the mean of the words' confidences, 0 to 100 (0 when there are none)
 */
public record OcrText(String text, int words, double meanConfidence) {
}
