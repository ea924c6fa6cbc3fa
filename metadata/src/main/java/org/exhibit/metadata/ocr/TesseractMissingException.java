package org.exhibit.metadata.ocr;

import java.io.IOException;

/** Tesseract or its English model is not installed: the message says what to install. */
public final class TesseractMissingException extends IOException {
    public TesseractMissingException(String message) {
        super(message);
    }
}
