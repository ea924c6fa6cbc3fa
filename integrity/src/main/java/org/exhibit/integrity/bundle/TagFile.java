package org.exhibit.integrity.bundle;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A BagIt tag file ({@code bagit.txt}, {@code bag-info.txt}): ordered {@code "Label: value"} lines. */
public record TagFile(List<Map.Entry<String, String>> fields) {
    public TagFile {
        fields = List.copyOf(fields);
    }

    public byte[] bytes() {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> f : fields) {
            sb.append(f.getKey()).append(": ").append(f.getValue()).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The first value of a label, or null. */
    public String value(String label) {
        for (Map.Entry<String, String> f : fields) {
            if (f.getKey().equals(label)) {
                return f.getValue();
            }
        }
        return null;
    }

    /** Reads "Label: value" lines; a line starting with whitespace continues the previous value (RFC 8493). */
    public static TagFile parse(String name, byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8);
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        String[] lines = text.split("\r\n|\r|\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty()) {
                continue;
            }
            if (Character.isWhitespace(line.charAt(0)) && !fields.isEmpty()) {
                Map.Entry<String, String> last = fields.remove(fields.size() - 1);
                fields.add(Map.entry(last.getKey(), last.getValue() + " " + line.strip()));
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException(name + " line " + (i + 1) + ": expected \"Label: value\", got \""
                        + EntryNames.quote(line) + "\"");
            }
            fields.add(Map.entry(line.substring(0, colon).strip(), line.substring(colon + 1).strip()));
        }
        return new TagFile(fields);
    }
}
