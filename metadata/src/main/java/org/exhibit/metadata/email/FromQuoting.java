package org.exhibit.metadata.email;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The mboxrd quoting of body lines that look like separators: a line "From ..." is stored as ">From ...",
 * ">From ..." as ">>From ...", and so on. Reading a message back removes one '>' from every line that is
 * one or more '>' followed by "From ". (In the older mboxo variant only "From " lines were quoted, so a
 * ">From " the sender wrote cannot be told from a quoted one; unquoting is still the better guess.)
 */
final class FromQuoting {
    private static final byte[] FROM = {'F', 'r', 'o', 'm', ' '};

    private FromQuoting() {
    }

    /** Whether the bytes of one line (without its line break) are a quoted "From " line. */
    static final class Line {
        private int quotes;
        private int matched;
        private boolean other;

        /** Takes the next byte of the line. */
        void next(int c) {
            if (other || matched == FROM.length) {
                return;
            }
            if (matched == 0 && c == '>') {
                quotes++;
            } else if (quotes > 0 && c == FROM[matched]) {
                matched++;
            } else {
                other = true;
            }
        }

        boolean quotedFrom() {
            return quotes > 0 && matched == FROM.length;
        }

        /** Starts the next line. */
        void reset() {
            quotes = 0;
            matched = 0;
            other = false;
        }
    }

    /** Copies {@code in} to {@code out}, removing one '>' from each quoted "From " line. Streams: any size. */
    static void unquote(InputStream in, OutputStream out) throws IOException {
        int c = in.read();
        while (c >= 0) {
            int quotes = 0;
            while (c == '>') {
                quotes++;
                c = in.read();
            }
            int matched = 0;
            while (quotes > 0 && matched < FROM.length && c == FROM[matched]) {
                matched++;
                c = in.read();
            }
            for (int i = matched == FROM.length ? 1 : 0; i < quotes; i++) {
                out.write('>');
            }
            out.write(FROM, 0, matched);
            while (c >= 0 && c != '\n') {
                out.write(c);
                c = in.read();
            }
            if (c == '\n') {
                out.write(c);
                c = in.read();
            }
        }
    }
}
