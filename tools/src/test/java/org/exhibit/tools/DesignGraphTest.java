package org.exhibit.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The module graph docs/DESIGN.md draws is the one the POMs declare: its table's "depends on" column lists, for
 * each module, exactly the Exhibit modules its POM depends on outside the test scope.
 */
class DesignGraphTest {
    private static final Pattern ROW = Pattern.compile("^\\| (\\w+) \\|([\\w, ]*)\\|", Pattern.MULTILINE);
    private static final Pattern DEPENDENCY = Pattern.compile(
            "<dependency>\\s*<groupId>org\\.exhibit</groupId>\\s*<artifactId>exhibit-(\\w+)</artifactId>(.*?)</dependency>",
            Pattern.DOTALL);

    @Test
    void designMdDrawsTheGraphThePomsDeclare() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        Map<String, Set<String>> drawn = new LinkedHashMap<>();
        Matcher row = ROW.matcher(Files.readString(root.resolve("docs/DESIGN.md")));
        while (row.find()) {
            if (!row.group(1).equals("module")) {
                Set<String> on = new TreeSet<>();
                for (String m : row.group(2).split(",")) {
                    if (!m.isBlank()) {
                        on.add(m.strip());
                    }
                }
                drawn.put(row.group(1), on);
            }
        }
        assertThat(drawn.keySet()).containsExactlyInAnyOrder("format", "integrity", "metadata", "capture", "report",
                "tools");
        for (Map.Entry<String, Set<String>> module : drawn.entrySet()) {
            Set<String> declared = new TreeSet<>();
            Matcher d = DEPENDENCY.matcher(Files.readString(root.resolve(module.getKey()).resolve("pom.xml")));
            while (d.find()) {
                if (!d.group(2).contains("<scope>test</scope>")) {
                    declared.add(d.group(1));
                }
            }
            assertThat(declared).as(module.getKey() + "'s POM against docs/DESIGN.md").isEqualTo(module.getValue());
        }
    }
}
