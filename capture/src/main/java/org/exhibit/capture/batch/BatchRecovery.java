package org.exhibit.capture.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.exhibit.format.custody.CustodyEvent;
import org.exhibit.format.custody.EventDetails;
import org.exhibit.format.layout.CaptureFolder;
import org.exhibit.format.record.Actor;
import org.exhibit.integrity.custody.CustodyLog;
import org.exhibit.integrity.digest.Sha256;
import org.exhibit.integrity.workspace.CaseWorkspace;

/**
 * Puts a case back in order after an interrupted run (Ctrl-C, {@code kill -9}, power loss), before a batch
 * starts or resumes: cuts a half-written last custody-log line, moves half-written captures (scratch folders in
 * {@code .work/}, capture folders without a complete {@code capture.json}) out of the evidence into
 * {@code .work/discarded/}, appends a {@code captured} event marked {@code recovered} for every record whose event
 * is missing, and finds the captures of this batch that are already finished.
 *
 * @param finished     by normalised URL, the captures of this batch finished earlier
 * @param discarded    the half-written folders moved away (case-relative paths as they were)
 * @param recovered    the subjects whose {@code captured} event was appended now
 * @param custodyBytesCut bytes of a half-written last custody-log line cut off (kept beside the log)
 */
public record BatchRecovery(Map<String, CaptureSummary> finished, List<String> discarded, List<String> recovered,
                            long custodyBytesCut) {
    public static final String DISCARDED = "discarded";

    /** Repairs {@code ws} and returns what it found; call it holding the case's batch lock. */
    public static BatchRecovery run(CaseWorkspace ws, String batchId, Actor actor) throws IOException {
        CustodyLog log = ws.custody();
        long cut = Files.exists(log.file()) ? log.repair() : 0;
        List<String> discarded = new ArrayList<>();
        Path bin = ws.workDir().resolve(DISCARDED);
        String stamp = Instant.now().toString().replace(":", "");
        try (Stream<Path> scratch = Files.list(ws.workDir())) {
            for (Path p : scratch.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().equals(DISCARDED)).toList()) {
                discarded.add(move(ws, p, bin, stamp));
            }
        }
        Map<String, CaptureSummary> finished = new LinkedHashMap<>();
        List<Path> records = new ArrayList<>();
        if (Files.isDirectory(ws.capturesDir())) {
            try (Stream<Path> dirs = Files.list(ws.capturesDir())) {
                for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                    Path record = dir.resolve(CaptureFolder.RECORD);
                    CaptureSummary summary = readOrNull(record);
                    if (summary == null) {
                        discarded.add(move(ws, dir, bin, stamp));
                        continue;
                    }
                    records.add(record);
                    if (summary.mark() != null && summary.mark().id().equals(batchId)) {
                        finished.putIfAbsent(summary.mark().url(), summary);
                    }
                }
            }
        }
        return new BatchRecovery(finished, discarded, appendMissingEvents(ws, log, records, actor), cut);
    }

    private static List<String> appendMissingEvents(CaseWorkspace ws, CustodyLog log, List<Path> records, Actor actor)
            throws IOException {
        Set<String> logged = new HashSet<>();
        if (Files.exists(log.file())) {
            log.events().stream().filter(e -> CustodyEvent.CAPTURED.equals(e.action())).forEach(e -> logged.add(e.subject()));
        }
        List<String> recovered = new ArrayList<>();
        for (Path record : records) {
            String subject = ws.subject(record);
            if (logged.contains(subject)) {
                continue;
            }
            CaptureSummary s = CaptureSummary.read(record);
            log.append(actor, CustodyEvent.CAPTURED, subject, EventDetails.of(new EventDetails.Captured(s.url(),
                    null, s.outcome(), CaptureFolder.RECORD, Sha256.of(record).hex(), null,
                    "the run that made this capture stopped before logging it")));
            recovered.add(subject);
        }
        return recovered;
    }

    private static CaptureSummary readOrNull(Path record) {
        if (!Files.isRegularFile(record)) {
            return null;
        }
        try {
            return CaptureSummary.read(record);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String move(CaseWorkspace ws, Path dir, Path bin, String stamp) throws IOException {
        String was = ws.root().relativize(dir).toString().replace('\\', '/');
        Files.createDirectories(bin);
        Files.move(dir, bin.resolve(stamp + "-" + was.replace('/', '_')), StandardCopyOption.ATOMIC_MOVE);
        return was;
    }
}
