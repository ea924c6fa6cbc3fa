package org.exhibit.metadata.chat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Undoes the encoding slip of Facebook and Instagram "Download your information" JSON: each UTF-8 byte is
 * written as its own JSON escape of a code point below 256, so "Jörg" arrives as "JÃ¶rg". A string whose
 * characters are all below U+0100 and whose bytes form valid UTF-8 is decoded; anything else is returned as is.
 */
final class Mojibake {
    private Mojibake() {
    }

    static String fix(String s) {
        if (s == null) {
            return null;
        }
        boolean high = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c > 0xFF) {
                return s;
            }
            high |= c >= 0x80;
        }
        if (!high) {
            return s;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(s.getBytes(StandardCharsets.ISO_8859_1))).toString();
        } catch (CharacterCodingException e) {
            return s;
        }
    }
}
