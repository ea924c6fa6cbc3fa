import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.exhibit.format.json.Json;
import org.exhibit.format.record.Artifact;
import org.exhibit.integrity.digest.Sha256;
import org.exhibit.integrity.identity.IdentityStore;
import org.exhibit.integrity.timestamp.LocalTsa;
import org.exhibit.integrity.timestamp.Timestamper;
import org.exhibit.integrity.timestamp.TrustAnchors;
import org.exhibit.integrity.timestamp.TsaServer;
import org.exhibit.integrity.workspace.CaseWorkspace;
import org.exhibit.integrity.workspace.RecordStamper;

/**
 * Benchmark helper (not product code): moves the files of a folder into a new capture folder of a case as its
 * resources, writes a capture.json listing them and stamps it with Exhibit's local TSA, as a capture of a page
 * that loaded many images would. Run by verify-bench.sh:
 * java -cp tools/target/exhibit.jar bench/BenchCapture.java CASE_DIR FILES_DIR
 */
public class BenchCapture {
    public static void main(String[] args) throws Exception {
        Path home = Path.of(System.getenv("EXHIBIT_HOME"));
        CaseWorkspace ws = CaseWorkspace.open(Path.of(args[0]));
        var actor = new IdentityStore(home).publicInfo().actor();
        Path capture = ws.newCaptureDir();
        Path resources = Files.createDirectories(capture.resolve("resources"));
        List<Artifact> artifacts = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of(args[1]))) {
            for (Path f : files.sorted().toList()) {
                Sha256 sha = Sha256.of(f);
                String name = sha.hex() + f.getFileName().toString().replaceFirst("^[^.]*", "");
                Path moved = Files.move(f, resources.resolve(name));
                String type = name.endsWith(".json") ? "application/json" : "image/png";
                artifacts.add(Artifact.of("resources/" + name, "resource", type, Files.size(moved), sha.hex()));
            }
        }
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("format", 1);
        record.put("id", capture.getFileName().toString());
        record.put("caseId", ws.id());
        record.put("requestedUrl", "https://bench.example/gallery");
        record.put("outcome", "complete");
        record.put("artifacts", artifacts);
        Path json = capture.resolve("capture.json");
        Json.write(json, record);
        LocalTsa tsa = LocalTsa.open(home.resolve("tsa"));
        try (TsaServer server = TsaServer.start(tsa, 0)) {
            var stamper = new RecordStamper(ws, new Timestamper(List.of(server.endpoint()),
                    TrustAnchors.none().with(tsa.root())), actor);
            if (!stamper.stamp(json).stamped()) {
                throw new IllegalStateException("capture.json could not be stamped");
            }
        }
        System.out.println(capture + ": " + artifacts.size() + " resources");
    }
}
