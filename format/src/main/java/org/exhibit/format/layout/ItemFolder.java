package org.exhibit.format.layout;

/** The names in an item folder, {@code data/files/<item-id>/}: the ingested file keeps its own name. */
public final class ItemFolder {
    /** The item record, written once the file is copied in, then timestamped. */
    public static final String RECORD = "item.json";

    /** Files Exhibit derives from the ingested one (never the evidence itself) go in this folder. */
    public static final String DERIVED = "derived/";
    /** The messages of a chat export ({@code ChatTranscript}). */
    public static final String MESSAGES = DERIVED + "messages.json";
    /** Text recognised by OCR in an image: machine-read. */
    public static final String OCR_TEXT = DERIVED + "ocr.txt";
    /** The artifact role of the ingested file itself. */
    public static final String ROLE_ORIGINAL = "original";
    /** The artifact role of {@link #MESSAGES}. */
    public static final String ROLE_MESSAGES = "derived-messages";
    /** The artifact role of {@link #OCR_TEXT}. */
    public static final String ROLE_OCR = "derived-ocr";

    private ItemFolder() {
    }
}
