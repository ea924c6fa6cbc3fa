package org.exhibit.metadata.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.exhibit.format.record.Artifact;
import org.exhibit.format.record.EmailHeaders;
import org.exhibit.format.record.EmailHeaders.Hop;
import org.exhibit.metadata.ArtifactInspector;
import org.exhibit.metadata.TestData;
import org.junit.jupiter.api.Test;

/** The hand-written five-hop threat (src/test/resources/email/multi-hop.eml) as the item record keeps it. */
class MultiHopEmailTest {
    private static EmailHeaders headers(String resource) throws IOException {
        Path eml = TestData.resource(resource);
        Artifact a = new ArtifactInspector().inspect(eml, "multi-hop.eml", "original");
        assertThat(a.mediaType()).isEqualTo("message/rfc822");
        assertThat(a.emails()).hasSize(1);
        return a.emails().get(0);
    }

    @Test
    void everyHopInTravelOrderWithHostsIpsProtocolIdsAndTimes() throws IOException {
        EmailHeaders h = headers("email/multi-hop.eml");
        List<Hop> hops = h.hops();
        assertThat(hops).extracting(Hop::number).containsExactly(1, 2, 3, 4, 5);
        assertThat(hops).extracting(Hop::by).containsExactly("laptop.home.lan", "submit-7.quickpost.example",
                "relay.quickpost.example", "mx2.inbox.example", "store03.inbox.example");
        assertThat(hops).extracting(Hop::fromIp).containsExactly("127.0.0.1", "203.0.113.88", "198.51.100.14",
                "2001:db8:4f::25", "10.1.4.22");
        assertThat(hops).extracting(Hop::fromHost).containsExactly(null, null, "submit-7.quickpost.example",
                "relay.quickpost.example", "mx2.inbox.example");
        assertThat(hops).extracting(Hop::with).containsExactly("SMTP", "ESMTPSA", "esmtps", "ESMTPS", "LMTP");
        assertThat(hops).extracting(Hop::id).containsExactly("33b1", "8A1F2C0041", "1tIQ3x-00AbCd-2F",
                "4Y2k9T1bQzz3wR", "kQ7mB0pNZWf3GAAA");
        assertThat(hops).extracting(Hop::timeUtc).containsExactly(Instant.parse("2024-12-03T09:14:01Z"),
                Instant.parse("2024-12-03T09:14:58Z"), Instant.parse("2024-12-03T09:15:37Z"),
                Instant.parse("2024-12-03T09:15:40Z"), Instant.parse("2024-12-03T09:15:42Z"));
        assertThat(hops).extracting(Hop::time).contains("03 Dec 2024 10:15:37 +0100",
                "Tue, 3 Dec 2024 04:14:58 -0500 (EST)");
        assertThat(hops).extracting(Hop::delaySeconds).containsExactly(null, 57L, 39L, 3L, 2L);
        assertThat(hops.get(3).raw()).startsWith("from relay.quickpost.example").doesNotContain("\r", "\n");
    }

    @Test
    void originatingIpIsTheFirstPublicSenderAndTheRuleIsStated() throws IOException {
        EmailHeaders h = headers("email/multi-hop.eml");
        assertThat(h.originatingIp()).isEqualTo("203.0.113.88");
        assertThat(h.originatingHop()).isEqualTo(2);
        assertThat(h.originatingRule()).contains("earliest hop").contains("could be forged");
    }

    @Test
    void replyToAndReturnPathThatAreNotTheSenderAreFlagged() throws IOException {
        EmailHeaders h = headers("email/multi-hop.eml");
        assertThat(h.from()).isEqualTo("velvet.fox88@quickpost.example");
        assertThat(h.replyTo()).containsExactly("pay.me.now@anon-drop.example");
        assertThat(h.returnPath()).isEqualTo("bounce-7731@mailer.quickpost.example");
        assertThat(h.mismatches()).hasSize(2);
        assertThat(h.mismatches().get(0)).contains("Reply-To pay.me.now@anon-drop.example")
                .contains("velvet.fox88@quickpost.example");
        assertThat(h.mismatches().get(1)).contains("Return-Path bounce-7731@mailer.quickpost.example")
                .contains("another domain");
    }

    @Test
    void authenticationHeadersAreRecordedAsFoundAndSaidToBeUnverified() throws IOException {
        EmailHeaders h = headers("email/multi-hop.eml");
        assertThat(h.authenticationResults()).singleElement().asString()
                .startsWith("mx2.inbox.example; dkim=pass (2048-bit key) header.d=quickpost.example")
                .contains("dmarc=pass (p=NONE)");
        assertThat(h.dkimSignatures()).containsExactly(new EmailHeaders.Dkim("quickpost.example", "qp2024",
                "rsa-sha256"));
        assertThat(h.arc()).extracting(EmailHeaders.Header::name).containsExactly("ARC-Seal", "ARC-Message-Signature",
                "ARC-Authentication-Results");
        assertThat(h.verification()).contains("not re-verify");
    }

    @Test
    void anMboxGivesEachMessageItsOwnChain() throws IOException {
        Artifact a = new ArtifactInspector().inspect(TestData.resource("email/export.mbox"), "export.mbox", "original");
        assertThat(a.emails()).extracting(EmailHeaders::message).containsExactly(1, 2);
        assertThat(a.emails().get(0).hops()).isNotEmpty();
    }

    @Test
    void aMalformedMessageStillGivesWhatCouldBeRead() throws IOException {
        Artifact a = new ArtifactInspector().inspect(TestData.resource("email/malformed.eml"), "m.eml", "original");
        assertThat(a.warnings()).isNotEmpty();
        assertThat(a.sha256()).hasSize(64);
    }
}
