package org.exhibit.report.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** A case workspace folder (DESIGN.md "The case workspace"). Refuses paths that leave the folder. */
final class WorkspaceFiles implements CaseFiles {
    private final Path root;

    WorkspaceFiles(Path root) throws IOException {
        this.root = root.toRealPath();
    }

    @Override
    public Path location() {
        return root;
    }

    @Override
    public boolean sealed() {
        return false;
    }

    @Override
    public boolean exists(String path) {
        return Files.isRegularFile(resolve(path), LinkOption.NOFOLLOW_LINKS);
    }

    @Override
    public InputStream open(String path) throws IOException {
        Path file = resolve(path);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("expected a file at " + file + ", got none (or a link)");
        }
        return Files.newInputStream(file);
    }

    @Override
    public Optional<FileRegion> region(String path) throws IOException {
        Path file = resolve(path);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("expected a file at " + file + ", got none (or a link)");
        }
        return Optional.of(new FileRegion(file, 0, Files.size(file)));
    }

    @Override
    public List<String> folders(String dir) throws IOException {
        return list(dir, p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS));
    }

    @Override
    public List<String> files(String dir) throws IOException {
        return list(dir, p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS));
    }

    private List<String> list(String dir, Predicate<Path> kind) throws IOException {
        Path folder = resolve(dir);
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(folder)) {
            return children.filter(kind).map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith(".")).sorted().toList();
        }
    }

    private Path resolve(String path) {
        Path p = root.resolve(path).normalize();
        if (!p.startsWith(root)) {
            throw new IllegalArgumentException("expected a path inside " + root + ", got " + path);
        }
        return p;
    }

    @Override
    public void close() {
    }
}
