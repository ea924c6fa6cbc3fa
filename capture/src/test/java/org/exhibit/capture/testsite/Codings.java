package org.exhibit.capture.testsite;

import com.github.luben.zstd.ZstdOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/** Content codings the test site applies: real encoders, so the extractor's decoders face real streams. */
public final class Codings {
    private Codings() {
    }

    public static byte[] encode(String coding, byte[] data) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        switch (coding) {
            case "gzip" -> {
                return TestSite.gzip(data);
            }
            case "deflate" -> {
                try (DeflaterOutputStream d = new DeflaterOutputStream(bos)) { // zlib-wrapped, as RFC 9110 says
                    d.write(data);
                }
            }
            case "rawdeflate" -> {
                try (DeflaterOutputStream d = new DeflaterOutputStream(bos, new Deflater(Deflater.DEFAULT_COMPRESSION, true))) {
                    d.write(data);
                }
            }
            case "zstd" -> {
                try (ZstdOutputStream z = new ZstdOutputStream(bos)) {
                    z.write(data);
                }
            }
            case "br" -> {
                return brotliStored(data);
            }
            default -> throw new IllegalArgumentException("unknown coding " + coding);
        }
        return bos.toByteArray();
    }

    /**
     * A valid Brotli stream (RFC 7932) made of uncompressed meta-blocks: no Brotli encoder is at hand in Java,
     * but the format lets data be stored, which is enough to exercise a real decoder.
     */
    static byte[] brotliStored(byte[] data) {
        Bits bits = new Bits();
        bits.put(0, 1); // WBITS = 16
        for (int off = 0; off < data.length; off += 65536) {
            int len = Math.min(65536, data.length - off);
            bits.put(0, 1);        // ISLAST = 0
            bits.put(0, 2);        // MNIBBLES = 4
            bits.put(len - 1, 16); // MLEN - 1
            bits.put(1, 1);        // ISUNCOMPRESSED
            bits.align();
            bits.out.write(data, off, len);
        }
        bits.put(1, 1); // ISLAST
        bits.put(1, 1); // ISLASTEMPTY
        bits.align();
        return bits.out.toByteArray();
    }

    private static final class Bits {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        int acc;
        int n;

        void put(int value, int count) {
            for (int i = 0; i < count; i++) {
                acc |= ((value >> i) & 1) << n;
                if (++n == 8) {
                    out.write(acc);
                    acc = 0;
                    n = 0;
                }
            }
        }

        void align() {
            if (n > 0) {
                out.write(acc);
                acc = 0;
                n = 0;
            }
        }
    }
}
