package org.exhibit.integrity.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.exhibit.format.record.Artifact;
import org.exhibit.format.record.ItemRecord;
import org.exhibit.integrity.digest.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstalledDescriberTest {
    /** Registered in this module's test resources, as the metadata module registers its inspector. */
    public static final class Marking implements ArtifactDescriber {
        @Override
        public Artifact describe(Path file, String path, String role, Sha256 sha256) throws java.io.IOException {
            return new Artifact(path, role, MediaTypes.detect(file), Files.size(file), sha256.hex(), null, null, null,
                    java.util.Map.of("describedBy", "installed"), null, null, null, List.of());
        }
    }

    @TempDir
    Path tmp;

    @Test
    void aDescriberRegisteredAsAServiceIsUsedByIngest() throws Exception {
        assertThat(ArtifactDescriber.installed()).isInstanceOf(Marking.class);
        try (CaseFixture fx = new CaseFixture(tmp)) {
            Path f = Files.writeString(tmp.resolve("note.txt"), "note\n");
            ItemRecord r = fx.ingest(fx.timestamper(), ArtifactDescriber.installed()).ingest(f, null).record();
            assertThat(r.artifacts().get(0).document()).containsEntry("describedBy", "installed");
        }
    }
}
