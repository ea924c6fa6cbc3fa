package org.exhibit.integrity.workspace;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.exhibit.format.custody.CustodyEvent;
import org.exhibit.format.custody.EventDetails;
import org.exhibit.format.json.Json;
import org.exhibit.format.layout.CaseLayout;
import org.exhibit.format.layout.Records;
import org.exhibit.format.record.CaseRecord;
import org.exhibit.integrity.custody.CustodyLog;
import org.exhibit.integrity.identity.PublicIdentity;

/**
 * A case on disk, laid out as the bundle will be (docs/DESIGN.md):
 * {@code case.json}, {@code custody/events.jsonl}, {@code custody/tsa/}, {@code data/captures/<id>/},
 * {@code data/files/<id>/}, {@code data/report/}, and {@code .work/} for scratch that is never sealed.
 *
 * <pre>{@code
 * CaseWorkspace ws = CaseWorkspace.init(Path.of("cases/2026-017"), "2026-017", "Reposts of J.D.", me);
 * Path dir = ws.newCaptureDir();          // data/captures/0001, allocated atomically
 * ws.custody().append(me.actor(), CustodyEvent.CAPTURED, ws.subject(dir), details);
 * }</pre>
 */
public final class CaseWorkspace {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final Path root;
    private final CaseRecord info;

    private CaseWorkspace(Path root, CaseRecord info) {
        this.root = root;
        this.info = info;
    }

    /** Creates a case in {@code dir} (absent or empty) and logs {@code case-opened}. */
    public static CaseWorkspace init(Path dir, String id, String title, PublicIdentity investigator)
            throws IOException, WorkspaceException {
        checkId(id);
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new WorkspaceException("expected a directory for the case, got a file: " + dir);
        }
        if (Files.isDirectory(dir)) {
            try (Stream<Path> entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new WorkspaceException("expected an empty or new directory for the case, got " + dir
                            + (Files.exists(dir.resolve(CaseLayout.CASE_FILE)) ? " (already a case)" : " (not empty)"));
                }
            }
        }
        Files.createDirectories(dir);
        Path root = dir.toAbsolutePath().normalize();
        CaseRecord info = new CaseRecord(CaseRecord.FORMAT, id, title == null || title.isBlank() ? null : title.strip(),
                Instant.now().truncatedTo(ChronoUnit.MILLIS), investigator.actor());
        CaseWorkspace ws = new CaseWorkspace(root, info);
        for (Path p : List.of(ws.tsaDir(), ws.capturesDir(), ws.filesDir(), ws.workDir())) {
            Files.createDirectories(p);
        }
        ws.custody().append(info.investigator(), CustodyEvent.CASE_OPENED, null,
                EventDetails.of(new EventDetails.CaseOpened(id, info.title())));
        Json.write(ws.caseFile(), info);
        return ws;
    }

    /** Opens an existing case. */
    public static CaseWorkspace open(Path dir) throws IOException, WorkspaceException {
        Path root = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new WorkspaceException(dir + ": no such case directory");
        }
        if (!Files.isRegularFile(root.resolve(CaseLayout.CASE_FILE))) {
            throw new WorkspaceException(dir + " is not an Exhibit case (no " + CaseLayout.CASE_FILE
                    + "): run `exhibit case init DIR --id CASE-ID` first");
        }
        CaseRecord info;
        try {
            info = Json.read(root.resolve(CaseLayout.CASE_FILE), CaseRecord.class);
        } catch (IOException e) {
            throw new WorkspaceException(dir.resolve(CaseLayout.CASE_FILE) + " is damaged: " + e.getMessage().lines().findFirst()
                    .orElse(""));
        }
        if (info.format() != CaseRecord.FORMAT) {
            throw new WorkspaceException(dir.resolve(CaseLayout.CASE_FILE) + ": expected format " + CaseRecord.FORMAT + ", got "
                    + info.format());
        }
        CaseWorkspace ws = new CaseWorkspace(root, info);
        Files.createDirectories(ws.workDir());
        return ws;
    }

    /** Refuses ids that do not fit in file names everywhere: [A-Za-z0-9._-], 1 to 64 characters, not only dots. */
    public static void checkId(String id) throws WorkspaceException {
        if (id == null || !ID.matcher(id).matches() || id.chars().allMatch(c -> c == '.')) {
            throw new WorkspaceException("expected a case id of 1-64 letters, digits, '.', '_' or '-', got "
                    + (id == null ? "none" : "\"" + id + "\""));
        }
    }

    public Path root() {
        return root;
    }

    public CaseRecord info() {
        return info;
    }

    public String id() {
        return info.id();
    }

    public Path caseFile() {
        return root.resolve(CaseLayout.CASE_FILE);
    }

    public Path custodyDir() {
        return root.resolve(CaseLayout.CUSTODY);
    }

    public Path eventsFile() {
        return custodyDir().resolve(CaseLayout.EVENTS);
    }

    /** {@code custody/tsa/}: each TSA's certificate chain as received, {@code <tsa>.pem}. */
    public Path tsaDir() {
        return custodyDir().resolve(CaseLayout.TSA);
    }

    public Path dataDir() {
        return root.resolve(CaseLayout.DATA);
    }

    public Path capturesDir() {
        return dataDir().resolve(CaseLayout.CAPTURES);
    }

    public Path filesDir() {
        return dataDir().resolve(CaseLayout.FILES);
    }

    public Path reportDir() {
        return dataDir().resolve(CaseLayout.REPORT);
    }

    /** {@code .work/}: scratch, never sealed. */
    public Path workDir() {
        return root.resolve(CaseLayout.WORK);
    }

    public CustodyLog custody() {
        return new CustodyLog(eventsFile());
    }

    /** A fresh, empty directory under {@code .work/} for half-written work. */
    public Path scratch() throws IOException {
        Files.createDirectories(workDir());
        return Files.createTempDirectory(workDir(), "scratch-");
    }

    /** Allocates {@code data/captures/NNNN} by creating it; parallel callers never get the same one. */
    public Path newCaptureDir() throws IOException {
        return allocate(capturesDir());
    }

    /** Allocates {@code data/files/NNNN} by creating it; parallel callers never get the same one. */
    public Path newItemDir() throws IOException {
        return allocate(filesDir());
    }

    private static Path allocate(Path parent) throws IOException {
        Files.createDirectories(parent);
        int next = 1;
        try (Stream<Path> entries = Files.list(parent)) {
            next += entries.map(p -> p.getFileName().toString()).filter(n -> n.matches("\\d{4,}"))
                    .mapToInt(Integer::parseInt).max().orElse(0);
        }
        for (int n = next; ; n++) {
            try {
                return Files.createDirectory(parent.resolve(String.format("%04d", n)));
            } catch (FileAlreadyExistsException taken) {
                // a parallel capture or ingest took it: try the next
            }
        }
    }

    /** The custody-log subject for a capture or item folder: {@code captures/0001}, {@code files/0003}. */
    public String subject(Path recordOrFolder) {
        Path p = root.resolve(recordOrFolder).normalize();
        if (Files.isRegularFile(p) || p.getFileName().toString().endsWith(".json")) {
            p = p.getParent();
        }
        Path rel = dataDir().relativize(p);
        if (rel.startsWith("..") || rel.getNameCount() != 2) {
            throw new IllegalArgumentException("expected a folder under " + dataDir() + ", got " + recordOrFolder);
        }
        return rel.toString().replace('\\', '/');
    }

    /** Every capture and item record, in id order ({@code captures} first), as {@link Records} lists them. */
    public List<Path> records() throws IOException {
        return Records.in(root).stream().map(r -> root.resolve(r.path())).toList();
    }
}
