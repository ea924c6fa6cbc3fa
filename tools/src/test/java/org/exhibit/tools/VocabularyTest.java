package org.exhibit.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One vocabulary for the bundle: no module's main code but {@code format}'s spells a file name of the bundle's
 * layout, a distinctive key of its records or a bag-info label as a string literal; they all go through
 * {@code org.exhibit.format}. Comments and Javadoc examples may name them.
 */
class VocabularyTest {
    private static final Set<String> NAMES = Set.of("capture.json", "item.json", "case.json", "capture.wacz",
            "capture.warc.gz", "screenshot-full.png", "screenshot-viewport.png", "page.html", "page.mhtml",
            "page.pdf", "page-text.txt", "manifest-sha256.txt", "tagmanifest-sha256.txt", "tagmanifest-sha256.txt.p7s", "VERIFY.txt",
            "bag-info.txt", "bagit.txt", "events.jsonl", "custody/events.jsonl", "custody/manifest.json",
            "custody/manifest.json.p7s", "custody/investigator.pem", "custody/tsa", "custody/tsa/", "data/captures",
            "data/captures/", "data/files", "data/files/", "report.html", "report.pdf", "derived/messages.json",
            "derived/ocr.txt", "derived-messages", "derived-ocr",
            // distinctive record and custody-log keys
            "requestedUrl", "finalUrl", "redirectChain", "mainDocument", "originalName", "ingestedBy", "ingestedAt",
            "payloadManifestSha256", "custodyLogHead", "artifacts", "investigator", "genTime", "sealedAt",
            "clockOffsetMillis", "recordSha256", "pendingStamps", "payloadFiles", "payloadBytes", "containedIn",
            "originatingRule", "delaySeconds",
            // bag-info labels
            "External-Identifier", "Exhibit-Format", "Exhibit-Version", "Payload-Oxum", "Bagging-Date",
            "BagIt-Version", "Contact-Name");
    /** Files whose literals are another format's own words that happen to match: said why, one by one. */
    private static final Set<String> OTHER_FORMATS = Set.of(
            // the keys of `exhibit capture --urls ... --json`, the batch's own summary, not a bundle record
            "capture/src/main/java/org/exhibit/capture/batch/BatchSummary.java");
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");

    @Test
    void noModuleButFormatSpellsTheBundlesNamesOrKeys() throws IOException {
        Path root = repositoryRoot();
        List<String> found = new ArrayList<>();
        for (String module : List.of("integrity", "metadata", "capture", "report", "tools")) {
            Path src = root.resolve(module).resolve("src/main/java");
            try (Stream<Path> files = Files.walk(src)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java"))
                        .filter(f -> !OTHER_FORMATS.contains(root.relativize(f).toString())).toList()) {
                    int n = 0;
                    for (String line : Files.readAllLines(file)) {
                        n++;
                        String code = line.strip();
                        if (code.startsWith("*") || code.startsWith("//") || code.startsWith("/*")) {
                            continue;
                        }
                        Matcher m = LITERAL.matcher(code);
                        while (m.find()) {
                            if (NAMES.contains(m.group(1))) {
                                found.add(root.relativize(file) + ":" + n + ": \"" + m.group(1) + "\"");
                            }
                        }
                    }
                }
            }
        }
        assertThat(found).as("names and keys to take from org.exhibit.format instead").isEmpty();
    }

    @Test
    void theScanSeesALiteralWhereThereIsOne() {
        Matcher m = LITERAL.matcher("Path p = dir.resolve(\"capture.json\"); // \"ignored\"");
        assertThat(m.find()).isTrue();
        assertThat(NAMES).contains(m.group(1));
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("format/src/main/java"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("the repository root above " + Path.of("").toAbsolutePath()).isNotNull();
        return dir;
    }
}
