package org.exhibit.capture.warc;

import com.github.luben.zstd.ZstdInputStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.brotli.dec.BrotliInputStream;

/** Undoes HTTP content codings (RFC 9110 section 8.4), streaming: gzip, deflate (zlib or raw), br, zstd. */
final class ContentCoding {
    private ContentCoding() {
    }

    /** The codings of a Content-Encoding field list, in the order they were applied. */
    static List<String> parse(List<String> fieldValues) {
        List<String> codings = new ArrayList<>();
        for (String v : fieldValues) {
            for (String c : v.split(",")) {
                String t = c.strip().toLowerCase(Locale.ROOT);
                if (!t.isEmpty() && !t.equals("identity")) {
                    codings.add(t);
                }
            }
        }
        return codings;
    }

    /** Wraps {@code in} to undo the codings, last applied first. */
    static InputStream decode(InputStream in, List<String> codings) throws IOException {
        List<String> reversed = new ArrayList<>(codings);
        Collections.reverse(reversed);
        InputStream out = in;
        for (String c : reversed) {
            out = switch (c) {
                case "gzip", "x-gzip" -> new GZIPInputStream(out, 64 * 1024);
                case "deflate" -> deflate(out);
                case "br" -> new BrotliInputStream(out);
                case "zstd" -> new ZstdInputStream(out);
                default -> throw new IOException("expected a content coding of gzip, deflate, br or zstd, got " + c);
            };
        }
        return out;
    }

    /** HTTP "deflate" is zlib-wrapped (RFC 1950), but servers also send raw deflate: the first two bytes tell. */
    private static InputStream deflate(InputStream in) throws IOException {
        BufferedInputStream b = new BufferedInputStream(in, 64 * 1024);
        b.mark(2);
        int cmf = b.read();
        int flg = b.read();
        b.reset();
        boolean zlib = cmf >= 0 && flg >= 0 && (cmf & 0x0f) == 8 && ((cmf << 8) | flg) % 31 == 0;
        return new InflaterInputStream(b, new Inflater(!zlib), 64 * 1024);
    }
}
