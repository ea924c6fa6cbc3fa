package org.exhibit.metadata.pdq;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.exhibit.metadata.TestData;
import org.junit.jupiter.api.Test;

class PdqConformanceTest {
    private final PdqHasher hasher = new PdqHasher();
    private final PdqImageReader reader = new PdqImageReader();

    record Vector(String file, PdqHash expected, int maxDistance) {
    }

    static List<Vector> vectors() throws IOException {
        Path csv = TestData.pdqVectors().resolve("expected.csv");
        return Files.readAllLines(csv).stream().skip(1).filter(l -> !l.isBlank()).map(l -> {
            String[] f = l.split(",");
            return new Vector(f[0].trim(), new PdqHash(f[1].trim(), 0), Integer.parseInt(f[2].trim()));
        }).toList();
    }

    @Test
    void everyReferenceVectorHashesWithinItsDistance() throws IOException {
        List<Vector> vectors = vectors();
        assertThat(vectors).hasSizeGreaterThanOrEqualTo(18);
        StringBuilder report = new StringBuilder();
        int failures = 0;
        for (Vector v : vectors) {
            PdqHash got = hasher.hash(reader.read(TestData.pdqVectors().resolve(v.file())).luma());
            int d = got.distance(v.expected());
            report.append(String.format("%-28s distance %3d (max %d) quality %3d%n", v.file(), d, v.maxDistance(),
                    got.quality()));
            if (d > v.maxDistance()) {
                failures++;
            }
        }
        System.out.print(report);
        assertThat(failures).as("vectors over their distance:%n%s", report).isZero();
    }
}
