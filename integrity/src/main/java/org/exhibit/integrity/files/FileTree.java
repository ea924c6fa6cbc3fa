package org.exhibit.integrity.files;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Deletes a folder and everything in it: scratch folders, half-made ones, temporary browser profiles. A symbolic
 * link is deleted as a link, never followed, so nothing outside the folder is touched.
 *
 * <pre>{@code
 * FileTree.delete(scratch);
 * }</pre>
 */
public final class FileTree {
    private FileTree() {
    }

    /**
     * Deletes {@code dir} (a folder, a file or a link) with everything under it; nothing to do if it does not
     * exist.
     *
     * @throws IOException the first file or folder that could not be read or deleted; what was deleted before it
     *                     stays deleted
     */
    public static void delete(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                Files.deleteIfExists(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
