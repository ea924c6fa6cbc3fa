package org.exhibit.integrity.bundle;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** The rules an entry name must follow to be read or extracted: relative, normalised, '/'-separated, unique. */
final class EntryNames {
    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");
    private static final int MAX_LENGTH = 1024;

    private final Map<String, String> seen = new HashMap<>();

    /** Checks one name and that no earlier name is the same after normalisation (case, Unicode form). */
    void admit(byte[] raw, String name) throws UnsafeZipException {
        check(raw, name);
        String key = key(name);
        String earlier = seen.putIfAbsent(key, name);
        if (earlier != null) {
            throw new UnsafeZipException(quote(name) + ": duplicate entry name (same as " + quote(earlier)
                    + " after normalisation)");
        }
    }

    /** A file entry must not also be a folder of another entry ("a" and "a/b"). */
    void checkNoFileIsAFolder() throws UnsafeZipException {
        for (String key : seen.keySet()) {
            for (int i = key.indexOf('/'); i > 0; i = key.indexOf('/', i + 1)) {
                String file = seen.get(key.substring(0, i));
                if (file != null && !file.endsWith("/")) {
                    throw new UnsafeZipException(quote(seen.get(key)) + ": lies inside " + quote(file)
                            + ", which is a file entry");
                }
            }
        }
    }

    static void check(byte[] raw, String name) throws UnsafeZipException {
        if (raw.length == 0 || name.isEmpty()) {
            throw new UnsafeZipException("an entry has an empty name");
        }
        if (raw.length > MAX_LENGTH) {
            throw new UnsafeZipException(quote(name) + ": name longer than " + MAX_LENGTH + " bytes");
        }
        for (byte b : raw) {
            if (b == '\\') {
                throw new UnsafeZipException(quote(name) + ": backslash in entry name (expected '/' separators)");
            }
            if ((b >= 0 && b < 0x20) || b == 0x7f) {
                throw new UnsafeZipException(quote(name) + ": control character in entry name");
            }
        }
        if (name.indexOf('\uFFFD') >= 0) {
            throw new UnsafeZipException(quote(name) + ": entry name is not valid UTF-8");
        }
        if (name.startsWith("/")) {
            throw new UnsafeZipException(quote(name) + ": absolute path in entry name");
        }
        if (DRIVE.matcher(name).matches()) {
            throw new UnsafeZipException(quote(name) + ": drive letter in entry name");
        }
        String body = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        for (String segment : body.split("/", -1)) {
            if (segment.equals("..")) {
                throw new UnsafeZipException(quote(name) + ": '..' in entry name (path escapes the archive)");
            }
            if (segment.isEmpty() || segment.equals(".")) {
                throw new UnsafeZipException(quote(name) + ": entry name is not a normalised relative path");
            }
        }
    }

    static String key(String name) {
        String n = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        return Normalizer.normalize(n, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    /** Entry names in messages: as they are, but with control characters made visible. */
    static String quote(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        name.codePoints().forEach(c -> {
            if (c < 0x20 || c == 0x7f) {
                sb.append(String.format("\\x%02x", c));
            } else {
                sb.appendCodePoint(c);
            }
        });
        return sb.toString();
    }
}
