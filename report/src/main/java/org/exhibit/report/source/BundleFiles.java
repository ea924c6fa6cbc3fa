package org.exhibit.report.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.exhibit.integrity.bundle.SafeZip;
import org.exhibit.integrity.bundle.ZipLimits;

/**
 * A sealed bundle read in place through {@link SafeZip}: entries are streamed out of the ZIP on demand and
 * never extracted, and a ZIP that is unsafe to read (climbing paths, links, bombs) is refused on opening,
 * naming the entry.
 */
final class BundleFiles implements CaseFiles {
    private final Path zip;
    private final SafeZip file;
    private final NavigableMap<String, SafeZip.Entry> entries = new TreeMap<>();
    /** Whether STORED entries lie unchanged in {@link #zip} (not for an encrypted bundle). */
    private final boolean inPlace;

    BundleFiles(Path zip) throws IOException {
        this(zip, SafeZip.open(zip, ZipLimits.DEFAULT), true);
    }

    /**
     * @param location the file read, for people
     * @param inPlace  whether a STORED entry's bytes lie unchanged in {@code location}, for a tool to seek in
     */
    BundleFiles(Path location, SafeZip file, boolean inPlace) {
        this.zip = location.toAbsolutePath();
        this.file = file;
        this.inPlace = inPlace;
        for (SafeZip.Entry e : file.entries()) {
            entries.put(e.name(), e);
        }
    }

    @Override
    public Path location() {
        return zip;
    }

    @Override
    public boolean sealed() {
        return true;
    }

    @Override
    public boolean encrypted() {
        return !inPlace;
    }

    @Override
    public boolean exists(String path) {
        return entries.containsKey(path);
    }

    @Override
    public InputStream open(String path) throws IOException {
        return file.open(entry(path));
    }

    @Override
    public byte[] readSmall(String path, int limit) throws IOException {
        return file.readAll(entry(path), limit);
    }

    @Override
    public Optional<FileRegion> region(String path) throws IOException {
        SafeZip.Entry e = entry(path);
        long at = inPlace ? file.storedOffset(e) : -1;
        return at < 0 ? Optional.empty() : Optional.of(new FileRegion(zip, at, e.size()));
    }

    private SafeZip.Entry entry(String path) throws IOException {
        SafeZip.Entry e = entries.get(path);
        if (e == null) {
            throw new IOException("expected an entry " + path + " in " + zip.getFileName() + ", got none");
        }
        return e;
    }

    @Override
    public List<String> folders(String dir) {
        TreeSet<String> names = new TreeSet<>();
        String prefix = dir.endsWith("/") ? dir : dir + "/";
        for (String name : under(prefix)) {
            int slash = name.indexOf('/', prefix.length());
            if (slash > 0) {
                names.add(name.substring(prefix.length(), slash));
            }
        }
        return List.copyOf(names);
    }

    @Override
    public List<String> files(String dir) {
        String prefix = dir.endsWith("/") ? dir : dir + "/";
        return under(prefix).stream().map(n -> n.substring(prefix.length())).filter(n -> !n.contains("/")).toList();
    }

    private java.util.Set<String> under(String prefix) {
        return entries.subMap(prefix, true, prefix + Character.MAX_VALUE, true).keySet();
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
