package org.exhibit.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.exhibit.format.json.Json;
import org.exhibit.metadata.ArtifactInspector;
import org.exhibit.metadata.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class HashCommandsTest {
    @TempDir
    Path dir;
    Path caseDir;
    Path vectors;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void makeCase() throws IOException {
        vectors = TestData.pdqVectors();
        caseDir = dir.resolve("case");
        Path capture = Files.createDirectories(caseDir.resolve("data/captures/0001/resources"));
        ArtifactInspector inspector = new ArtifactInspector();
        Path photo = Files.copy(vectors.resolve("bridge-1-original.jpg"), capture.resolve("r1.jpg"));
        Path other = Files.copy(vectors.resolve("q2821.jpg"), capture.resolve("r2.jpg"));
        Json.write(capture.getParent().resolve("capture.json"), Map.of("finalUrl", "https://site.example/p/9",
                "artifacts", List.of(inspector.inspect(photo, "resources/r1.jpg", "resource"),
                        inspector.inspect(other, "resources/r2.jpg", "resource"))));
    }

    int run(String... args) {
        CommandLine cl = Exhibit.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void hashesOfACaseListEveryImageAsCsv() {
        assertThat(run("hashes", "--case", caseDir.toString())).isEqualTo(ExitCode.OK);
        assertThat(out.toString().lines()).hasSize(3);
        assertThat(out.toString()).startsWith("pdq,quality,md5,sha256").contains("captures/0001,resources/r1.jpg");
    }

    @Test
    void victimsPhotoHashedOnTheirSideMatchesTheCapturedCopy() throws IOException {
        Path list = dir.resolve("mine.json");
        assertThat(run("hashes", "--files", vectors.resolve("bridge-5-flipx.jpg").toString(),
                vectors.resolve("bridge-1-original.jpg").toString(), "--format", "json", "-o", list.toString()))
                .isEqualTo(ExitCode.OK);
        assertThat(Files.readString(list)).contains("\"entries\"").doesNotContain("base64");
        out.getBuffer().setLength(0);

        assertThat(run("match", "--case", caseDir.toString(), "--hashes", list.toString())).isEqualTo(ExitCode.OK);
        assertThat(out.toString().lines()).singleElement().asString()
                .startsWith("pdq   0  captures/0001/resources/r1.jpg  https://site.example/p/9");
        assertThat(err.toString()).contains("1 match(es) at threshold 31");
    }

    @Test
    void unreadableHashListIsAUsageErrorNamingTheFile() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.csv"), "pdq\nnot-a-hash\n");
        assertThat(run("match", "--case", caseDir.toString(), "--hashes", bad.toString())).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("cannot read hash list " + bad).contains("line 2");
    }

    @Test
    void missingCaseIsAUsageError() {
        assertThat(run("hashes", "--case", dir.resolve("nope").toString())).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("expected a case folder with data/, got");
    }
}
