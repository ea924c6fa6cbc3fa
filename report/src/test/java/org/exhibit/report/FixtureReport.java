package org.exhibit.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.exhibit.report.depiction.ImageMode;

/** A {@link CaseFixture} case and its blurred report, written once for a test class. */
record FixtureReport(CaseFixture fixture, Path html, Path pdf) {

    static FixtureReport write(Path tmp, int captures, int items) throws Exception {
        CaseFixture fixture = CaseFixture.create(Files.createDirectories(tmp.resolve("case")), captures, items);
        try (CaseReport report = CaseReport.open(fixture.dir)) {
            List<Path> written = report.writeTo(tmp.resolve("out"), ImageMode.BLURRED);
            return new FixtureReport(fixture, written.get(0), written.get(1));
        }
    }
}
