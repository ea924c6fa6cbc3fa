package org.exhibit.capture.recheck;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.exhibit.format.custody.CustodyEvent;
import org.exhibit.format.layout.CaptureFolder;
import org.exhibit.integrity.timeline.CaptureFacts;
import org.exhibit.integrity.timeline.Timeline;
import org.exhibit.integrity.timeline.Timelines;
import org.exhibit.integrity.workspace.CaseWorkspace;

/**
 * The finished captures of a case workspace (folders with a readable {@code capture.json}), by subject, and the
 * timelines they and the custody log give.
 */
public final class CaseCaptures {
    private final CaseWorkspace ws;
    private final Map<String, Snapshot> snapshots = new LinkedHashMap<>();

    private CaseCaptures(CaseWorkspace ws) {
        this.ws = ws;
    }

    /** Reads every capture record of the case; a folder without a complete record (half-written) is left out. */
    public static CaseCaptures read(CaseWorkspace ws) throws IOException {
        CaseCaptures c = new CaseCaptures(ws);
        if (!Files.isDirectory(ws.capturesDir())) {
            return c;
        }
        try (Stream<Path> dirs = Files.list(ws.capturesDir())) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                if (!Files.isRegularFile(dir.resolve(CaptureFolder.RECORD))) {
                    continue;
                }
                String subject = ws.subject(dir);
                try {
                    c.snapshots.put(subject, Snapshot.read(subject, dir));
                } catch (IOException e) {
                    // half-written: the batch's recovery moves it away
                }
            }
        }
        return c;
    }

    public Snapshot get(String subject) {
        return snapshots.get(subject);
    }

    /** The subject of a capture id: {@code captures/0007}. */
    public String subject(String captureId) {
        return ws.subject(ws.capturesDir().resolve(captureId));
    }

    public List<CaptureFacts> facts() {
        List<CaptureFacts> out = new ArrayList<>();
        snapshots.values().forEach(s -> out.add(CaptureFacts.of(s.subject(), s.record())));
        return out;
    }

    /** Every URL's timeline, from these captures and the custody log as it is now. */
    public List<Timeline> timelines() throws IOException {
        List<CustodyEvent> events = Files.exists(ws.custody().file()) ? ws.custody().events() : List.of();
        return Timelines.of(facts(), events);
    }
}
