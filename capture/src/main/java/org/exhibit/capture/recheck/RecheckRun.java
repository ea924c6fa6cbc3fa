package org.exhibit.capture.recheck;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.exhibit.format.json.Json;
import org.exhibit.integrity.digest.Sha256;
import org.exhibit.integrity.workspace.CaseWorkspace;

/**
 * The run a recheck belongs to: a new one each time, except after an interrupted run of the same list, which is
 * resumed under its own id. The id of the run under way is kept in {@code .work/recheck-run.json} (scratch, never
 * sealed) until the run ends; the records carry it as their batch id and the custody log as {@code run}.
 *
 * @param list the list's id ({@link org.exhibit.capture.batch.LinkList#id()})
 * @param id   the run id: SHA-256 of the list id and the time the run first started
 */
public record RecheckRun(String list, String id) {
    static final String FILE = "recheck-run.json";

    /** The interrupted run of this list, or a new run (written down before any capture starts). */
    static RecheckRun resumeOrStart(CaseWorkspace ws, String listId) throws IOException {
        Path file = ws.workDir().resolve(FILE);
        if (Files.isRegularFile(file)) {
            try {
                RecheckRun earlier = Json.MAPPER.readValue(Files.readAllBytes(file), RecheckRun.class);
                if (listId.equals(earlier.list()) && earlier.id() != null) {
                    return earlier;
                }
            } catch (IOException e) {
                // a half-written file: start a new run
            }
        }
        String id = Sha256.ofBytes((listId + "\n" + Instant.now()).getBytes(StandardCharsets.UTF_8)).hex();
        RecheckRun run = new RecheckRun(listId, id);
        Files.createDirectories(ws.workDir());
        Json.writeAtomically(file, Json.bytes(run));
        return run;
    }

    /** The run ended with every URL run: the next recheck is a new run. */
    static void finished(CaseWorkspace ws) throws IOException {
        Files.deleteIfExists(ws.workDir().resolve(FILE));
    }
}
