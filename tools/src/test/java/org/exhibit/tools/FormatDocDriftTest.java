package org.exhibit.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.exhibit.format.json.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code docs/FORMAT.md} against a real bundle: the {@code exhibit demo} case (the sample site captured in a real
 * Chromium through the recording proxy, two files ingested, Exhibit's own TSA), sealed and verified. Every file
 * of the bundle and every field of its records must be described, with its type; every file and field the page
 * describes must be in the bundle unless it is marked optional; the verifier's checks and {@code VERIFY.txt}'s
 * commands must be the page's. The page is read by its own notation ({@link FormatDoc}).
 */
class FormatDocDriftTest {
    @TempDir
    static Path tmp;
    static FormatDoc doc;
    static List<String> entries;
    static List<Instance> instances;
    static List<String> checkOrder;
    static List<String> verifyCommands;
    static String bundleName;
    /** What the demo must never use: its steps are given the demo's own home and passphrase. */
    static Path sentinelHome;
    static final String SENTINEL_PASSPHRASE = "sentinel-passphrase-never-used";
    static List<String> demoPropertyWrites;
    static List<String> demoPropertiesAfter;

    /** One JSON record (or a bag-info file) of the bundle: what it is, where it is, and its paths' values. */
    record Instance(Set<String> kinds, String where, Map<String, List<JsonNode>> paths) {
    }

    @BeforeAll
    static void sealTheDemoCase() throws Exception {
        Path samples = CaptureCommandTest.samples();
        doc = FormatDoc.read(samples.resolveSibling("docs").resolve("FORMAT.md"));
        Path demoDir = tmp.resolve("demo");
        Cli demo = demoWatchingProperties(demoDir, samples);
        assertThat(demo.exit()).as(demo.out() + demo.err()).isZero();
        Path bundle;
        try (Stream<Path> files = Files.list(demoDir.resolve("bundles"))) {
            bundle = files.filter(p -> p.toString().endsWith(".zip")).findFirst().orElseThrow();
        }
        Cli verify = Cli.run(tmp.resolve("home"), null, "verify", "--json", bundle.toString());
        assertThat(verify.exit()).as(verify.out()).isZero();
        JsonNode verification = Json.MAPPER.readTree(verify.out());
        Set<String> names = new LinkedHashSet<>();
        verification.path("checks").forEach(c -> names.add(c.path("name").asText()));
        checkOrder = List.copyOf(names);
        bundleName = bundle.getFileName().toString();
        read(bundle, verification);
        assertThat(instances).extracting(i -> i.kinds().iterator().next()).as("the demo bundle's records")
                .contains("capture.json", "item.json", "custody/manifest.json", FormatDoc.EVENTS, "bag-info.txt",
                        "exhibit verify --json");
    }

    /**
     * Runs the demo with {@code exhibit.home} and {@code exhibit.passphrase} set to sentinels that would break any
     * step reading them, recording every write of them while it runs.
     */
    private static Cli demoWatchingProperties(Path demoDir, Path samples) {
        String home = System.getProperty(ExhibitHome.PROPERTY);
        String passphrase = System.getProperty(Passphrase.PROPERTY);
        sentinelHome = tmp.resolve("sentinel-home");
        System.setProperty(ExhibitHome.PROPERTY, sentinelHome.toString());
        System.setProperty(Passphrase.PROPERTY, SENTINEL_PASSPHRASE);
        try (PropertyWrites writes = PropertyWrites.watch(ExhibitHome.PROPERTY, Passphrase.PROPERTY)) {
            Cli demo = Cli.run(tmp.resolve("home"), null, "demo", "--dir", demoDir.toString(), "--samples",
                    samples.toString());
            demoPropertyWrites = writes.writes();
            demoPropertiesAfter = java.util.Arrays.asList(System.getProperty(ExhibitHome.PROPERTY),
                    System.getProperty(Passphrase.PROPERTY));
            return demo;
        } finally {
            restore(ExhibitHome.PROPERTY, home);
            restore(Passphrase.PROPERTY, passphrase);
        }
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }

    @Test
    void theDemoPassesItsHomeAndPassphraseWithoutEverSettingASystemProperty() {
        assertThat(demoPropertyWrites).as("writes of the properties while the demo ran").isEmpty();
        assertThat(demoPropertiesAfter).containsExactly(sentinelHome.toString(), SENTINEL_PASSPHRASE);
        assertThat(sentinelHome).as("no step resolved its home from the property").doesNotExist();
    }

    private static void read(Path bundle, JsonNode verification) throws IOException {
        entries = new ArrayList<>();
        instances = new ArrayList<>();
        try (ZipFile zip = ZipFile.builder().setPath(bundle).get()) {
            for (ZipArchiveEntry e : Collections.list(zip.getEntries())) {
                entries.add(e.getName());
                String name = e.getName();
                byte[] content = zip.getInputStream(e).readAllBytes();
                if (name.matches("data/captures/[^/]+/capture\\.json")) {
                    instances.add(instance("capture.json", name, Json.MAPPER.readTree(content)));
                } else if (name.matches("data/files/[^/]+/item\\.json")) {
                    instances.add(instance("item.json", name, Json.MAPPER.readTree(content)));
                } else if (name.equals("custody/manifest.json")) {
                    instances.add(instance(name, name, Json.MAPPER.readTree(content)));
                } else if (name.equals(FormatDoc.EVENTS)) {
                    int n = 0;
                    for (String line : new String(content, StandardCharsets.UTF_8).split("\n")) {
                        JsonNode event = Json.MAPPER.readTree(line);
                        Instance i = instance(FormatDoc.EVENTS, name + " line " + ++n, event);
                        i.kinds().add(FormatDoc.EVENTS + "#" + event.path("action").asText());
                        instances.add(i);
                    }
                } else if (name.equals("bag-info.txt")) {
                    ObjectNode labels = JsonNodeFactory.instance.objectNode();
                    for (String line : new String(content, StandardCharsets.UTF_8).split("\n")) {
                        labels.put(line.substring(0, line.indexOf(':')), line.substring(line.indexOf(':') + 1).strip());
                    }
                    instances.add(instance(name, name, labels));
                } else if (name.equals("VERIFY.txt")) {
                    verifyCommands = new String(content, StandardCharsets.UTF_8).lines()
                            .filter(l -> l.startsWith("$ ")).map(l -> l.substring(2)).toList();
                }
            }
        }
        instances.add(instance("exhibit verify --json", "the output of exhibit verify --json", verification));
    }

    private static Instance instance(String kind, String where, JsonNode root) {
        Map<String, List<JsonNode>> paths = new LinkedHashMap<>();
        walk(root, "", paths);
        return new Instance(new LinkedHashSet<>(Set.of(kind)), where, paths);
    }

    /** Every key as a dotted path, {@code []} for an array's elements; the values found at each path. */
    private static void walk(JsonNode node, String path, Map<String, List<JsonNode>> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> {
                String child = path.isEmpty() ? f.getKey() : path + "." + f.getKey();
                out.computeIfAbsent(child, k -> new ArrayList<>()).add(f.getValue());
                walk(f.getValue(), child, out);
            });
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                walk(element, path + "[]", out);
            }
        }
    }

    /** A bundle path as FORMAT.md writes it: ids, hashes, TSA names and ingested file names as placeholders. */
    static String generalise(String path, Set<String> originals) {
        if (originals.contains(path)) {
            return path.replaceFirst("^data/files/[0-9]{4,}/.*$", "data/files/<item-id>/<file-name>");
        }
        return path.replaceFirst("^data/captures/[0-9]{4,}/", "data/captures/<capture-id>/")
                .replaceFirst("^data/files/[0-9]{4,}/", "data/files/<item-id>/")
                .replaceFirst("/resources/[0-9a-f]{64}\\.[a-z0-9]+$", "/resources/<sha256>.<ext>")
                .replaceFirst("/decoded/[0-9a-f]{64}\\.[a-z0-9]+$", "/decoded/<sha256>.<ext>")
                .replaceFirst("/frames/[0-9]{2,}\\.html$", "/frames/<frame-number>.html")
                .replaceFirst("/videos/[0-9a-f]{64}\\.vpdq\\.txt$", "/videos/<sha256>.vpdq.txt")
                .replaceFirst("/videos/[0-9a-f]{64}\\.[a-z0-9]+$", "/videos/<sha256>.<ext>")
                .replaceFirst("\\.json\\.[a-z0-9][a-z0-9.-]*\\.tsr$", ".json.<tsa>.tsr")
                .replaceFirst("^custody/tsa/[a-z0-9][a-z0-9.-]*\\.pem$", "custody/tsa/<tsa>.pem");
    }

    /** The bundle paths of ingested files, from their records' {@code original} artifacts. */
    private static Set<String> originals() {
        Set<String> out = new TreeSet<>();
        for (Instance i : instances) {
            if (i.kinds().contains("item.json")) {
                String folder = i.where().substring(0, i.where().lastIndexOf('/') + 1);
                List<JsonNode> paths = i.paths().getOrDefault("artifacts[].path", List.of());
                List<JsonNode> roles = i.paths().getOrDefault("artifacts[].role", List.of());
                for (int k = 0; k < paths.size(); k++) {
                    if ("original".equals(roles.get(k).asText())) {
                        out.add(folder + paths.get(k).asText());
                    }
                }
            }
        }
        return out;
    }

    private static Set<String> generalisedEntries() {
        Set<String> originals = originals();
        Set<String> out = new TreeSet<>();
        entries.forEach(e -> out.add(generalise(e, originals)));
        return out;
    }

    @Test
    void everyFileOfTheBundleIsDescribed() {
        Set<String> undescribed = generalisedEntries();
        doc.files.forEach(f -> undescribed.remove(f.pattern()));
        assertThat(undescribed).as("files of the sealed bundle that docs/FORMAT.md does not describe (add a row to "
                + "its file table and a section)").isEmpty();
    }

    @Test
    void everyFileTheDocumentDescribesIsInTheBundleUnlessOptional() {
        Set<String> sealed = generalisedEntries();
        List<String> missing = doc.files.stream().filter(f -> !f.optional() && !sealed.contains(f.pattern()))
                .map(f -> f.pattern() + " (FORMAT.md line " + f.line() + ")").toList();
        assertThat(missing).as("files docs/FORMAT.md describes that the sealed bundle lacks (remove the row, or "
                + "mark it (optional) if a good bundle may lack it)").isEmpty();
    }

    @Test
    void everyFileHasASectionOfItsOwn() {
        List<String> without = doc.files.stream().map(FormatDoc.FileRow::pattern)
                .filter(p -> !doc.headingCode.contains(p)).toList();
        assertThat(without).as("files without a heading that names them in backticks").isEmpty();
    }

    @Test
    void everyFieldOfEveryRecordIsDescribed() {
        Map<String, String> undescribed = new TreeMap<>();
        for (Instance i : instances) {
            for (String path : i.paths().keySet()) {
                if (rowsFor(i, path).isEmpty()) {
                    undescribed.putIfAbsent(i.kinds() + " " + path, "e.g. " + i.where());
                }
            }
        }
        assertThat(undescribed).as("fields of the sealed bundle that docs/FORMAT.md does not describe").isEmpty();
    }

    @Test
    void everyFieldHasTheTypeTheDocumentGives() {
        Set<String> wrong = new TreeSet<>();
        for (Instance i : instances) {
            i.paths().forEach((path, values) -> {
                for (FormatDoc.FieldRow row : rowsFor(i, path)) {
                    for (JsonNode value : values) {
                        if (!conforms(value, row.type())) {
                            wrong.add(path + " in " + i.where() + ": FORMAT.md line " + row.line() + " says "
                                    + row.type() + ", got " + value);
                        }
                    }
                }
            });
        }
        assertThat(wrong).as("fields whose values are not of the type docs/FORMAT.md gives").isEmpty();
    }

    @Test
    void everyFieldTheDocumentDescribesIsInTheBundleUnlessOptional() {
        List<String> missing = new ArrayList<>();
        for (FormatDoc.FieldTable table : doc.tables) {
            List<Instance> covered = instances.stream()
                    .filter(i -> table.kinds().stream().anyMatch(i.kinds()::contains)).toList();
            if (covered.isEmpty()) {
                if (!table.optional()) {
                    missing.add("the whole table " + table.name() + ": nothing of the kind in the bundle");
                }
                continue;
            }
            for (FormatDoc.FieldRow row : table.rows()) {
                boolean seen = covered.stream().anyMatch(i -> i.paths().keySet().stream().anyMatch(row::matches));
                if (!row.optional() && !seen) {
                    missing.add(table.kinds() + " " + row.path() + " (FORMAT.md line " + row.line() + ")");
                }
            }
        }
        assertThat(missing).as("fields docs/FORMAT.md describes that the sealed bundle lacks (remove the row, or "
                + "mark it (optional) if a good bundle may lack it)").isEmpty();
    }

    @Test
    void theChecksAreTheVerifiersInItsOrder() {
        assertThat(doc.checks).as("the check table of docs/FORMAT.md, against exhibit verify --json")
                .containsExactlyElementsOf(checkOrder);
    }

    @Test
    void theCommandsForVerifyingByHandAreThoseOfVerifyTxt() {
        String bundle = bundleName.replaceFirst("\\.zip$", "");
        List<String> generalised = new ArrayList<>(new LinkedHashSet<>(verifyCommands.stream()
                .map(c -> c.replace(bundle, "<bundle>")
                        .replaceAll("data/captures/[0-9]{4,}/", "data/captures/<capture-id>/")
                        .replaceAll("data/files/[0-9]{4,}/", "data/files/<item-id>/")
                        .replaceAll("\\.json\\.[a-z0-9][a-z0-9.-]*\\.tsr", ".json.<tsa>.tsr")
                        .replaceAll("custody/tsa/[a-z0-9][a-z0-9.-]*\\.pem", "custody/tsa/<tsa>.pem"))
                .toList()));
        assertThat(doc.commands).as("the $ lines of docs/FORMAT.md, against the sealed VERIFY.txt")
                .containsExactlyElementsOf(generalised);
    }

    /** The rows of every table that covers the instance and describes the path. */
    private static List<FormatDoc.FieldRow> rowsFor(Instance i, String path) {
        List<FormatDoc.FieldRow> rows = new ArrayList<>();
        for (FormatDoc.FieldTable t : doc.tables) {
            if (t.kinds().stream().anyMatch(i.kinds()::contains)) {
                t.rows().stream().filter(r -> r.matches(path)).forEach(rows::add);
            }
        }
        return rows;
    }

    private static boolean conforms(JsonNode value, String type) {
        if (type.startsWith("array of ")) {
            String element = type.substring("array of ".length());
            if (!value.isArray()) {
                return false;
            }
            for (JsonNode e : value) {
                if (!conforms(e, element)) {
                    return false;
                }
            }
            return true;
        }
        return switch (type) {
            case "string" -> value.isTextual();
            case "time" -> value.isTextual() && value.asText().endsWith("Z") && instant(value.asText());
            case "sha256" -> value.isTextual() && value.asText().matches("[0-9a-f]{64}");
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "object" -> value.isObject();
            default -> throw new IllegalArgumentException("unknown type " + type);
        };
    }

    private static boolean instant(String text) {
        try {
            Instant.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
