package org.exhibit.integrity.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;

/** Extraction of a checked archive into one empty folder, and never outside it. */
final class Extraction {
    private Extraction() {
    }

    static void into(SafeZip zip, Path dir) throws IOException {
        Path root = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(dir + ": expected an existing directory to extract into");
        }
        try (var listing = Files.list(root)) {
            if (listing.findAny().isPresent()) {
                throw new IOException(dir + ": expected an empty directory to extract into");
            }
        }
        for (SafeZip.Entry entry : zip.entries()) {
            Path target = root.resolve(entry.name()).normalize();
            if (!target.startsWith(root) || target.equals(root)) {
                throw new UnsafeZipException(entry.quoted() + ": would be written outside " + dir);
            }
            createFolders(root, target.getParent());
            try (InputStream in = zip.open(entry);
                 OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW,
                         StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
                in.transferTo(out);
            }
            Files.setLastModifiedTime(target, FileTime.fromMillis(entry.time()));
        }
    }

    /** Creates the folders between root and target one by one, refusing anything that is not a real folder. */
    private static void createFolders(Path root, Path folder) throws IOException {
        Path current = root;
        for (Path part : root.relativize(folder)) {
            current = current.resolve(part);
            if (Files.isSymbolicLink(current)) {
                throw new UnsafeZipException(current + ": is a link; refusing to extract through it");
            }
            if (!Files.exists(current, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectory(current);
            } else if (!Files.isDirectory(current, LinkOption.NOFOLLOW_LINKS)) {
                throw new UnsafeZipException(current + ": expected a folder, got a file");
            }
        }
    }
}
