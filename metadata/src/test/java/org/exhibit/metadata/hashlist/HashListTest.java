package org.exhibit.metadata.hashlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.exhibit.format.json.Json;
import org.exhibit.format.record.Artifact;
import org.exhibit.metadata.ArtifactInspector;
import org.exhibit.metadata.TestData;
import org.exhibit.metadata.vpdq.VpdqHash;
import org.exhibit.metadata.vpdq.VpdqHashFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HashListTest {
    private final ArtifactInspector inspector = new ArtifactInspector();
    @TempDir
    Path caseDir;

    /** A case with one capture (a re-upload of the photo, an unrelated image, a video) and one ingested item. */
    @BeforeEach
    void makeCase() throws IOException {
        Path capture = caseDir.resolve("data/captures/0001");
        Files.createDirectories(capture.resolve("resources"));
        Path reupload = Files.copy(TestData.resource("images/camera.jpg"), capture.resolve("resources/a.jpg"));
        Path other = Files.copy(TestData.pdqVectors().resolve("q2821.jpg"), capture.resolve("resources/b.jpg"));
        Path video = Files.write(capture.resolve("resources/c.mp4"), new byte[] {0, 0, 0, 0x18, 'f', 't', 'y', 'p',
                'i', 's', 'o', 'm', 0, 0, 2, 0, 'i', 's', 'o', 'm', 'm', 'p', '4', '1'});
        Map<String, Object> rec = new LinkedHashMap<>();
        rec.put("id", "0001");
        rec.put("finalUrl", "https://forum.example/t/123");
        rec.put("artifacts", List.of(
                inspector.inspect(reupload, "resources/a.jpg", "resource").withUrl("https://cdn.example/a.jpg"),
                inspector.inspect(other, "resources/b.jpg", "resource"),
                inspector.inspect(video, "resources/c.mp4", "resource"),
                Artifact.of("page.html", "page-html", "text/html", 10, "0".repeat(64))));
        Json.write(capture.resolve("capture.json"), rec);
        Path item = Files.createDirectories(caseDir.resolve("data/files/0001"));
        Path shot = Files.copy(TestData.pdqVectors().resolve("q0003.jpg"), item.resolve("shot.jpg"));
        Json.write(item.resolve("item.json"), Map.of("id", "0001",
                "artifacts", List.of(inspector.inspect(shot, "shot.jpg", "original"))));
    }

    @Test
    void caseListHasImagesAndVideosWithTheirSourcesAndNoImageData() throws IOException {
        HashList list = HashList.fromCase(caseDir);
        assertThat(list.entries()).extracting(HashEntry::source, HashEntry::path).containsExactly(
                org.assertj.core.groups.Tuple.tuple("captures/0001", "resources/a.jpg"),
                org.assertj.core.groups.Tuple.tuple("captures/0001", "resources/b.jpg"),
                org.assertj.core.groups.Tuple.tuple("captures/0001", "resources/c.mp4"),
                org.assertj.core.groups.Tuple.tuple("files/0001", "shot.jpg"));
        assertThat(list.entries().get(0).url()).isEqualTo("https://cdn.example/a.jpg");
        assertThat(list.entries().get(1).url()).isEqualTo("https://forum.example/t/123");
        assertThat(list.entries().get(2).md5()).hasSize(32);
        assertThat(list.entries().get(2).pdq()).isNull();
        StringWriter csv = new StringWriter();
        list.writeCsv(csv);
        assertThat(csv.toString().lines()).hasSize(5).first().isEqualTo(HashListCsv.HEADER);
        assertThat(csv.toString().length()).isLessThan(2000); // hashes and names only
    }

    @Test
    void csvAndJsonReadBackToTheSameList() throws IOException {
        HashList list = HashList.fromCase(caseDir);
        Path csv = caseDir.resolve("hashes.csv");
        try (var w = Files.newBufferedWriter(csv)) {
            list.writeCsv(w);
        }
        Path json = Files.write(caseDir.resolve("hashes.json"), list.json());
        assertThat(HashList.read(csv)).isEqualTo(list);
        assertThat(HashList.read(json)).isEqualTo(list);
    }

    @Test
    void victimsPhotoMatchesItsReuploadOnlyAndLowQualityIsFlagged() throws IOException {
        HashList mine = HashList.fromFiles(List.of(TestData.resource("images/reference.png"),
                TestData.pdqVectors().resolve("q0003.jpg")), inspector);
        List<HashMatch> hits = new HashMatcher().match(HashList.fromCase(caseDir), mine);

        assertThat(hits).extracting(h -> h.found().path()).containsExactlyInAnyOrder("resources/a.jpg", "shot.jpg");
        HashMatch reupload = hits.stream().filter(h -> h.found().path().equals("resources/a.jpg")).findFirst().orElseThrow();
        assertThat(reupload.distance()).isLessThanOrEqualTo(31);
        assertThat(reupload.reliable()).isTrue();
        assertThat(reupload.found().url()).isEqualTo("https://cdn.example/a.jpg");
        HashMatch low = hits.stream().filter(h -> h.found().path().equals("shot.jpg")).findFirst().orElseThrow();
        assertThat(low.reliable()).as("q0003.jpg has PDQ quality under 50").isFalse();
    }

    @Test
    void thresholdZeroKeepsOnlyIdenticalHashes() throws IOException {
        HashList mine = HashList.fromFiles(List.of(TestData.pdqVectors().resolve("q2821.jpg")), inspector);
        List<HashMatch> hits = new HashMatcher(0).match(HashList.fromCase(caseDir), mine);
        assertThat(hits).singleElement().satisfies(h -> {
            assertThat(h.found().path()).isEqualTo("resources/b.jpg");
            assertThat(h.distance()).isZero();
        });
        assertThatThrownBy(() -> new HashMatcher(300)).hasMessage("expected a threshold of 0-256 bits, got 300");
    }

    @Test
    void aListWithVideosKeepsEachVpdqInTheReferenceFormInAFolderBesideItAndReadsItBack() throws IOException {
        VpdqHash clip = VpdqHashFile.read(TestData.resource("vpdq/pattern-hd-no-bar.txt"));
        HashEntry video = new HashEntry(null, null, "a".repeat(32), "b".repeat(64), "video/mp4", "/home/me/clip.mp4",
                "clip.mp4", null, clip);
        HashList list = new HashList(List.of(HashList.fromCase(caseDir).entries().get(0), video));
        for (HashList.Format format : HashList.Format.values()) {
            Path file = caseDir.resolve("out/mine." + format.name().toLowerCase());
            Files.createDirectories(file.getParent());
            list.write(file, format);
            Path vpdq = file.resolveSibling(file.getFileName() + ".vpdq/" + "b".repeat(64) + ".txt");
            assertThat(vpdq).hasContent(Files.readString(TestData.resource("vpdq/pattern-hd-no-bar.txt")));
            assertThat(Files.readString(file)).contains(file.getFileName() + ".vpdq/" + "b".repeat(64) + ".txt")
                    .doesNotContain("d3d8981ba52c59e7"); // the frames are in the vPDQ file only
            assertThat(HashList.read(file)).isEqualTo(list);
        }
        StringWriter stdout = new StringWriter();
        list.writeCsv(stdout);
        assertThat(stdout.toString().lines().toList().get(2)).endsWith(",clip.mp4,,");
    }

    @Test
    void aVpdqFileOutsideTheListsFolderIsRefusedNamingTheLine() throws IOException {
        Files.writeString(caseDir.resolve("elsewhere.txt"), "0,100," + "0".repeat(64) + ",0.000\n");
        Path lists = Files.createDirectories(caseDir.resolve("lists"));
        Path bad = Files.writeString(lists.resolve("bad.csv"), "md5,vpdq\n" + "a".repeat(32) + ",../elsewhere.txt\n");
        assertThatThrownBy(() -> HashList.read(bad)).hasMessageContaining("line 2")
                .hasMessageContaining("expected a vPDQ file inside the list's folder").hasMessageContaining("../elsewhere.txt");
        Path malformed = Files.writeString(lists.resolve("m.csv.vpdq.txt"), "0,100,xyz,0.000\n");
        Path list = Files.writeString(lists.resolve("m.csv"), "md5,vpdq\n" + "a".repeat(32) + "," + malformed.getFileName() + "\n");
        assertThatThrownBy(() -> HashList.read(list)).hasMessageContaining("line 2")
                .hasMessageContaining("line 1 of m.csv.vpdq.txt");
    }

    @Test
    void csvWithABadHashNamesTheLine() throws IOException {
        Path bad = Files.writeString(caseDir.resolve("bad.csv"), "pdq,quality\nabc,90\n");
        assertThatThrownBy(() -> HashList.read(bad)).hasMessageContaining("line 2")
                .hasMessageContaining("expected a PDQ hash of 64 hex characters, got abc");
    }
}
