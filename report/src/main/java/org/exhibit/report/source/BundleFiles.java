package org.exhibit.report.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * A sealed bundle read in place: entries are streamed out of the ZIP on demand and never extracted.
 * Opening refuses a ZIP that is unsafe to read (absolute or {@code ..} paths, links, duplicate names,
 * compression ratios of a ZIP bomb), naming the entry.
 */
final class BundleFiles implements CaseFiles {
    private static final int MAX_ENTRIES = 1_000_000;
    private static final long MAX_RATIO = 1000;
    private static final long RATIO_FLOOR = 1 << 20;

    private final Path zip;
    private final ZipFile file;
    private final NavigableMap<String, ZipArchiveEntry> entries = new TreeMap<>();

    BundleFiles(Path zip) throws IOException {
        this.zip = zip.toAbsolutePath();
        try {
            this.file = ZipFile.builder().setPath(zip).get();
        } catch (IOException e) {
            throw new IOException("expected a bundle ZIP at " + zip + ", got an unreadable file: " + e.getMessage(), e);
        }
        try {
            index();
        } catch (IOException e) {
            file.close();
            throw e;
        }
    }

    private void index() throws IOException {
        for (ZipArchiveEntry e : Collections.list(file.getEntries())) {
            String name = e.getName();
            if (entries.size() >= MAX_ENTRIES) {
                throw unsafe(name, "more than " + MAX_ENTRIES + " entries");
            }
            if (name.startsWith("/") || name.contains("\\") || name.contains("\0") || name.matches("^[A-Za-z]:.*")) {
                throw unsafe(name, "an absolute or non-portable path");
            }
            for (String part : name.split("/")) {
                if (part.equals("..")) {
                    throw unsafe(name, "a path that climbs out with '..'");
                }
            }
            if (e.isUnixSymlink()) {
                throw unsafe(name, "a symbolic link");
            }
            long size = e.getSize();
            long packed = e.getCompressedSize();
            if (size > RATIO_FLOOR && packed > 0 && size / packed > MAX_RATIO) {
                throw unsafe(name, "a compression ratio over " + MAX_RATIO + ":1");
            }
            if (e.isDirectory()) {
                continue;
            }
            if (entries.put(name, e) != null) {
                throw unsafe(name, "a second entry with the same name");
            }
        }
    }

    private IOException unsafe(String entry, String what) {
        return new IOException("unsafe bundle " + zip.getFileName() + ": entry '" + entry + "' is " + what);
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
    public boolean exists(String path) {
        return entries.containsKey(path);
    }

    @Override
    public long size(String path) throws IOException {
        return entry(path).getSize();
    }

    @Override
    public InputStream open(String path) throws IOException {
        return file.getInputStream(entry(path));
    }

    private ZipArchiveEntry entry(String path) throws IOException {
        ZipArchiveEntry e = entries.get(path);
        if (e == null) {
            throw new IOException("expected an entry " + path + " in " + zip.getFileName() + ", got none");
        }
        return e;
    }

    @Override
    public List<String> folders(String dir) {
        TreeSet<String> names = new TreeSet<>();
        String prefix = dir.endsWith("/") ? dir : dir + "/";
        for (String name : entries.subMap(prefix, true, prefix + Character.MAX_VALUE, true).keySet()) {
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
        return entries.subMap(prefix, true, prefix + Character.MAX_VALUE, true).keySet().stream()
                .map(n -> n.substring(prefix.length())).filter(n -> !n.contains("/")).toList();
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
