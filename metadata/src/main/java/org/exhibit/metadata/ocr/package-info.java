/**
 * Text in images (screenshots of conversations) recognised by Tesseract OCR, run as Debian's {@code tesseract}
 * command; the result is machine-read text with its confidence, kept beside the untouched image.
 */
package org.exhibit.metadata.ocr;
