package org.exhibit.integrity.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.exhibit.format.custody.CustodyEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PendingStampTest {
    @TempDir
    Path tmp;
    CaseFixture fx;

    @BeforeEach
    void setUp() throws Exception {
        fx = new CaseFixture(tmp);
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    @Test
    void unreachableTsaKeepsTheItemPendingAndALaterStampCompletesIt() throws Exception {
        Path chat = Files.writeString(tmp.resolve("chat.txt"), "you will regret this\n");
        ItemOutcome o = fx.ingest(CaseFixture.unreachable(), null).ingest(chat, null);

        assertThat(o.ingested()).isTrue();
        assertThat(o.stamp().stamped()).isFalse();
        assertThat(o.stamp().problem()).startsWith("no valid timestamp after 1 attempt");
        Path record = fx.ws.filesDir().resolve("0001/item.json");
        assertThat(Files.mismatch(chat, fx.ws.filesDir().resolve("0001/chat.txt"))).isEqualTo(-1L);
        assertThat(RecordStamper.pending(fx.ws)).containsExactly(record);
        CustodyEvent pending = fx.ws.custody().events().get(2);
        assertThat(pending.action()).isEqualTo("timestamp-pending");
        assertThat(pending.details()).containsEntry("record", "item.json").containsKey("attempts");
        assertThat(pending.details().get("attempts").toString()).contains("cannot reach http://127.0.0.1:");

        List<StampOutcome> done = fx.stamper(fx.timestamper()).stampPending();
        assertThat(done).singleElement().satisfies(s -> {
            assertThat(s.stamped()).isTrue();
            assertThat(s.tsr()).isEqualTo(record.resolveSibling("item.json.local.tsr"));
        });
        assertThat(RecordStamper.pending(fx.ws)).isEmpty();
        assertThat(fx.ws.custody().events()).extracting(CustodyEvent::action)
                .containsExactly("case-opened", "ingested", "timestamp-pending", "timestamped");
        assertThat(fx.ws.custody().verify().intact()).isTrue();
    }

    @Test
    void aRecordChangedWhileItsStampWasPendingIsNotStamped() throws Exception {
        Path chat = Files.writeString(tmp.resolve("chat.txt"), "original words\n");
        fx.ingest(CaseFixture.unreachable(), null).ingest(chat, null);
        Path record = fx.ws.filesDir().resolve("0001/item.json");
        Files.writeString(record, Files.readString(record).replace("chat.txt", "chat2.txt"));

        List<StampOutcome> done = fx.stamper(fx.timestamper()).stampPending();
        assertThat(done).singleElement().satisfies(s -> {
            assertThat(s.stamped()).isFalse();
            assertThat(s.problem()).startsWith("data/files/0001/item.json changed since its stamp went pending: SHA-256 expected ");
        });
        assertThat(RecordStamper.pending(fx.ws)).containsExactly(record);
    }
}
