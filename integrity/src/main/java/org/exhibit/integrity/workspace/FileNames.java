package org.exhibit.integrity.workspace;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/** Safe names for evidence copies: the original name when it is safe, otherwise a close, harmless one. */
final class FileNames {
    static final int MAX_BYTES = 200;

    private FileNames() {
    }

    static String sanitise(String original) {
        String name = Normalizer.normalize(original, Normalizer.Form.NFC)
                .replaceAll("[^\\p{L}\\p{N}._ ()+,@=\\[\\]-]", "_")
                .replaceAll("^[.\\s]+", "")
                .strip();
        while (name.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            int dot = name.lastIndexOf('.');
            String ext = dot > 0 && name.length() - dot <= 16 ? name.substring(dot) : "";
            String stem = name.substring(0, name.length() - ext.length());
            name = stem.substring(0, stem.length() - 1) + ext;
        }
        if (name.isEmpty()) {
            name = "file";
        }
        if (name.equals(CaseWorkspace.ITEM_RECORD) || name.startsWith(CaseWorkspace.ITEM_RECORD + ".")) {
            name = "original-" + name;
        }
        return name;
    }
}
