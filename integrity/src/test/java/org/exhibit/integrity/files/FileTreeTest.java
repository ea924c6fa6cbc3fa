package org.exhibit.integrity.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTreeTest {
    @TempDir
    Path tmp;

    @Test
    void deletesAFolderWithEverythingInIt() throws Exception {
        Path dir = tmp.resolve("scratch");
        Files.createDirectories(dir.resolve("a/b/c"));
        Files.writeString(dir.resolve("a/b/c/file.txt"), "x");
        Files.writeString(dir.resolve("top.txt"), "y");
        Files.createDirectories(dir.resolve("empty"));

        FileTree.delete(dir);

        assertThat(dir).doesNotExist();
        assertThat(tmp).isEmptyDirectory();
    }

    @Test
    void aMissingFolderIsNothingToDo() {
        assertThatCode(() -> FileTree.delete(tmp.resolve("never-made"))).doesNotThrowAnyException();
    }

    @Test
    void linksAreDeletedAsLinksAndNeverFollowedOutOfTheFolder() throws Exception {
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Path kept = Files.writeString(outside.resolve("kept.txt"), "evidence");
        Path dir = Files.createDirectories(tmp.resolve("scratch"));
        Files.createSymbolicLink(dir.resolve("to-folder"), outside);
        Files.createSymbolicLink(dir.resolve("to-file"), kept);
        Path linkToFolder = Files.createSymbolicLink(tmp.resolve("link"), outside);

        FileTree.delete(dir);
        FileTree.delete(linkToFolder);

        assertThat(dir).doesNotExist();
        assertThat(linkToFolder).doesNotExist();
        assertThat(kept).hasContent("evidence");
    }
}
