package org.exhibit.format.layout;

/** The labels of {@code bagit.txt} and {@code bag-info.txt}: BagIt's own (RFC 8493) and Exhibit's two. */
public final class BagLabels {
    public static final String BAGIT_VERSION = "BagIt-Version";
    public static final String ENCODING = "Tag-File-Character-Encoding";
    public static final String SOURCE_ORGANIZATION = "Source-Organization";
    public static final String CONTACT_NAME = "Contact-Name";
    public static final String CONTACT_EMAIL = "Contact-Email";
    /** The case id. */
    public static final String EXTERNAL_IDENTIFIER = "External-Identifier";
    /** The case title. */
    public static final String EXTERNAL_DESCRIPTION = "External-Description";
    public static final String BAGGING_DATE = "Bagging-Date";
    public static final String PAYLOAD_OXUM = "Payload-Oxum";
    /** The bundle format ({@link BundleLayout#FORMAT}). */
    public static final String EXHIBIT_FORMAT = "Exhibit-Format";
    public static final String EXHIBIT_VERSION = "Exhibit-Version";

    private BagLabels() {
    }
}
