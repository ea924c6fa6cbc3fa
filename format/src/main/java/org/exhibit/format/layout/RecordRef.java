package org.exhibit.format.layout;

import java.util.List;

/**
 * A capture or item record found in a case or a bundle, with the timestamp tokens beside it.
 *
 * @param kind   capture or item
 * @param id     the folder name, e.g. "0001"
 * @param path   the record's path from the case or bundle root, '/'-separated: {@code data/captures/0001/capture.json}
 * @param tokens the paths of its {@code <record>.<tsa>.tsr} files, sorted; empty while its stamp is pending
 */
public record RecordRef(Kind kind, String id, String path, List<String> tokens) {
    public enum Kind { CAPTURE, ITEM }

    public RecordRef {
        tokens = List.copyOf(tokens);
    }

    /** The folder holding the record: {@code data/captures/0001}. */
    public String folder() {
        return path.substring(0, path.lastIndexOf('/'));
    }

    /** The custody log's name for it: {@code captures/0001}, {@code files/0003}. */
    public String subject() {
        return (kind == Kind.CAPTURE ? CaseLayout.CAPTURES : CaseLayout.FILES) + "/" + id;
    }

    /** The TSA name of one of its tokens: {@code data/files/0001/item.json.local.tsr} to "local". */
    public static String tsaOf(String token) {
        java.util.regex.Matcher m = BundleLayout.TOKEN.matcher(token);
        if (!m.matches()) {
            throw new IllegalArgumentException("expected <file>.<tsa>.tsr, got " + token);
        }
        return m.group(2);
    }
}
