package org.exhibit.integrity.workspace;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.apache.tika.Tika;
import org.apache.tika.io.TikaInputStream;

/** Media types from content alone (magic bytes, then text detection), never from the file name. */
public final class MediaTypes {
    private static final Tika TIKA = new Tika();

    private MediaTypes() {
    }

    public static String detect(Path file) throws IOException {
        // TikaInputStream.get(Path) would add the name as a hint: open the bytes only.
        try (InputStream in = TikaInputStream.get(java.nio.file.Files.newInputStream(file))) {
            return TIKA.detect(in);
        }
    }
}
