package org.exhibit.format.layout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.stream.Stream;

/**
 * The one way to list a case's or a bundle's records: every {@code data/captures/<id>/capture.json}, then every
 * {@code data/files/<id>/item.json}, each in id order, with the tokens beside it.
 *
 * <pre>{@code
 * for (RecordRef r : Records.in(caseDir)) { ... }                    // a case workspace
 * for (RecordRef r : Records.among(zip.entries().stream().map(Entry::name).toList())) { ... }   // a bundle
 * }</pre>
 */
public final class Records {
    private Records() {
    }

    /** The records among a bundle's (or any) paths, '/'-separated and relative to the root. */
    public static List<RecordRef> among(Iterable<String> paths) {
        Map<String, List<String>> tokens = new TreeMap<>();
        List<String> records = new ArrayList<>();
        for (String path : paths) {
            Matcher t = BundleLayout.TOKEN.matcher(path);
            if (t.matches() && BundleLayout.isRecord(t.group(1))) {
                tokens.computeIfAbsent(t.group(1), k -> new ArrayList<>()).add(path);
            } else if (BundleLayout.isRecord(path)) {
                records.add(path);
            }
        }
        List<RecordRef> out = new ArrayList<>();
        for (String path : records) {
            List<String> own = new ArrayList<>(tokens.getOrDefault(path, List.of()));
            own.sort(null);
            RecordRef.Kind kind = BundleLayout.isCapture(path) ? RecordRef.Kind.CAPTURE : RecordRef.Kind.ITEM;
            out.add(new RecordRef(kind, BundleLayout.recordId(path), path, own));
        }
        out.sort(Comparator.comparing(RecordRef::kind).thenComparing(RecordRef::id));
        return out;
    }

    /** The records of a case workspace (its {@code data/} folder; nothing under {@code .work/}). */
    public static List<RecordRef> in(Path caseRoot) throws IOException {
        List<String> paths = new ArrayList<>();
        for (String parent : List.of(CaseLayout.CAPTURES, CaseLayout.FILES)) {
            Path dir = caseRoot.resolve(CaseLayout.DATA).resolve(parent);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> folders = Files.list(dir)) {
                for (Path folder : folders.filter(Files::isDirectory).toList()) {
                    try (Stream<Path> files = Files.list(folder)) {
                        files.filter(Files::isRegularFile).forEach(f -> paths.add(CaseLayout.DATA + "/" + parent + "/"
                                + folder.getFileName() + "/" + f.getFileName()));
                    }
                }
            }
        }
        return among(paths);
    }
}
