package org.exhibit.integrity.workspace;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import org.exhibit.format.layout.ItemFolder;

/**
 * Safe names for evidence copies: the original name when it is safe on Linux, macOS and Windows (where an
 * attorney may unzip the bundle), otherwise a close, harmless one.
 */
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
            name = stem.substring(0, stem.offsetByCodePoints(stem.length(), -1)) + ext;
        }
        name = name.replaceAll("[.\\s]+$", "");
        if (name.isEmpty()) {
            name = "file";
        }
        if (name.matches("(?i)(CON|PRN|AUX|NUL|COM[0-9]|LPT[0-9])(\\..*)?")) {
            name = "_" + name;
        }
        if (name.equals(ItemFolder.RECORD) || name.startsWith(ItemFolder.RECORD + ".")) {
            name = "original-" + name;
        }
        return name;
    }
}
