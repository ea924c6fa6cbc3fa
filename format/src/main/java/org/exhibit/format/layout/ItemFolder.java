package org.exhibit.format.layout;

/** The names in an item folder, {@code data/files/<item-id>/}: the ingested file keeps its own name. */
public final class ItemFolder {
    /** The item record, written once the file is copied in, then timestamped. */
    public static final String RECORD = "item.json";

    private ItemFolder() {
    }
}
