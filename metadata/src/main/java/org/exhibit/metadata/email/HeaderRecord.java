package org.exhibit.metadata.email;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.exhibit.format.record.EmailHeaders;

/**
 * Turns a parsed {@link Email} into the {@link EmailHeaders} an item record keeps: every hop numbered in travel
 * order with the delay since the one before, the originating IP with its rule, the authentication headers as
 * found and the sender mismatches.
 *
 * <pre>{@code
 * EmailHeaders h = HeaderRecord.of(1, new EmailParser().parse(Path.of("threat.eml"), null));
 * h.hops().get(0).fromIp();   // "203.0.113.7"
 * h.originatingRule();        // "the sending IP of the earliest hop ..."
 * }</pre>
 */
public final class HeaderRecord {
    /** How {@link EmailHeaders#originatingIp()} is chosen (the same rule {@link EmailParser} applies). */
    public static final String ORIGINATING_RULE = "the sending IP recorded by the earliest hop (the bottom-most "
            + "Received header) whose sending address is public; private, loopback, link-local and carrier-grade "
            + "NAT addresses are skipped. Received headers below the first one the recipient's provider added were "
            + "written by servers on the sending side and could be forged: read the chain.";
    /** What was done with the authentication headers. */
    public static final String NOT_VERIFIED = "Authentication-Results, DKIM-Signature and ARC headers are recorded "
            + "as found; Exhibit did not re-verify them offline (DKIM keys are published in DNS and may have "
            + "changed since).";

    private HeaderRecord() {
    }

    public static EmailHeaders of(int message, Email mail) {
        List<EmailHeaders.Hop> hops = new ArrayList<>();
        Integer originatingHop = null;
        for (int i = 0; i < mail.hops().size(); i++) {
            Hop h = mail.hops().get(i);
            Long delay = null;
            if (i > 0 && h.date() != null && mail.hops().get(i - 1).date() != null) {
                delay = Duration.between(mail.hops().get(i - 1).date(), h.date()).toSeconds();
            }
            hops.add(new EmailHeaders.Hop(i + 1, h.from(), h.fromHost(), h.fromIp(), h.by(), h.with(), h.id(),
                    h.dateText(), h.date(), delay, h.raw()));
            if (originatingHop == null && mail.originatingIp() != null && mail.originatingIp().equals(h.fromIp())) {
                originatingHop = i + 1;
            }
        }
        String from = mail.from().isEmpty() ? null : address(mail.from().get(0));
        List<String> mismatches = new ArrayList<>();
        for (String r : mail.replyTo()) {
            if (from != null && !r.equals(from)) {
                mismatches.add("Reply-To " + r + " is not the From address " + from + ": replies go to " + r);
            }
        }
        if (from != null && mail.returnPath() != null && !mail.returnPath().equals(from)) {
            mismatches.add("Return-Path " + mail.returnPath() + " is not the From address " + from
                    + (domain(mail.returnPath()).equals(domain(from)) ? "" : " (another domain)")
                    + ": bounces go to " + mail.returnPath() + "; usual for mailing lists and bulk senders");
        }
        List<String> results = new ArrayList<>();
        List<EmailHeaders.Dkim> dkim = new ArrayList<>();
        List<EmailHeaders.Header> arc = new ArrayList<>();
        for (EmailHeaders.Header h : mail.authentication()) {
            String name = h.name().toLowerCase(Locale.ROOT);
            if (name.equals("authentication-results")) {
                results.add(h.value());
            } else if (name.equals("dkim-signature")) {
                Map<String, String> tags = tags(h.value());
                dkim.add(new EmailHeaders.Dkim(tags.get("d"), tags.get("s"), tags.get("a")));
            } else {
                arc.add(h);
            }
        }
        return new EmailHeaders(message, mail.messageId(), mail.subject(), hops, mail.originatingIp(), originatingHop, ORIGINATING_RULE, from,
                mail.replyTo().isEmpty() ? null : mail.replyTo(), mail.returnPath(), mismatches, results, dkim, arc,
                mail.authentication().isEmpty() ? null : NOT_VERIFIED);
    }

    /** Whether a message went through mail servers (an MHTML snapshot has none of these headers). */
    public static boolean transported(Email mail) {
        return mail != null && (!mail.hops().isEmpty() || !mail.authentication().isEmpty() || !mail.replyTo().isEmpty()
                || mail.returnPath() != null);
    }

    /** The tag list of a DKIM-Signature ({@code v=1; a=rsa-sha256; d=example.com; s=sel; ...}). */
    static Map<String, String> tags(String value) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String part : value.split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                out.putIfAbsent(part.substring(0, eq).strip().toLowerCase(Locale.ROOT),
                        part.substring(eq + 1).replaceAll("\\s+", ""));
            }
        }
        return out;
    }

    /** The address inside "Name <address>", lower-cased. */
    private static String address(String display) {
        int lt = display.lastIndexOf('<');
        int gt = display.lastIndexOf('>');
        String a = lt >= 0 && gt > lt ? display.substring(lt + 1, gt) : display;
        return a.strip().toLowerCase(Locale.ROOT);
    }

    private static String domain(String address) {
        int at = address.lastIndexOf('@');
        return at < 0 ? "" : address.substring(at + 1);
    }
}
