package org.exhibit.format.record;

import java.time.Instant;
import java.util.List;

/**
 * What an e-mail's transport and authentication headers show, as found: the {@code Received:} chain in the
 * order the message travelled, the originating IP and the rule that chose it, the authentication headers
 * receiving servers added (recorded, never re-verified offline), and sender addresses that disagree.
 *
 * @param message               the message's position in its file, from 1 (always 1 for a {@code .eml})
 * @param messageId             the {@code Message-ID}, or null
 * @param subject               the subject, decoded, or null
 * @param hops                  every {@code Received:} header, the first hop (the bottom-most header) first
 * @param originatingIp         the IP chosen as the sender's, or null when no hop records a public address
 * @param originatingHop        the {@link Hop#number()} it was taken from, or null
 * @param originatingRule       how it was chosen, in words
 * @param from                  the {@code From} address (address only), or null
 * @param replyTo               the {@code Reply-To} addresses, or null when there is none
 * @param returnPath            the {@code Return-Path} (envelope sender), or null when there is none
 * @param mismatches            each way {@code Reply-To} or {@code Return-Path} disagrees with {@code From}, in words
 * @param authenticationResults each {@code Authentication-Results} header as found, top-most first
 * @param dkimSignatures        each {@code DKIM-Signature}'s signing domain and selector
 * @param arc                   each {@code ARC-*} header as found, top-most first
 * @param verification          a plain statement that the authentication headers were not re-verified
 */
public record EmailHeaders(int message, String messageId, String subject, List<Hop> hops, String originatingIp, Integer originatingHop, String originatingRule,
                           String from, List<String> replyTo, String returnPath, List<String> mismatches,
                           List<String> authenticationResults, List<Dkim> dkimSignatures, List<Header> arc,
                           String verification) {
    public EmailHeaders {
        hops = hops == null ? List.of() : List.copyOf(hops);
        replyTo = replyTo == null ? null : List.copyOf(replyTo);
        mismatches = mismatches == null ? List.of() : List.copyOf(mismatches);
        authenticationResults = authenticationResults == null ? List.of() : List.copyOf(authenticationResults);
        dkimSignatures = dkimSignatures == null ? List.of() : List.copyOf(dkimSignatures);
        arc = arc == null ? List.of() : List.copyOf(arc);
    }

    /**
     * One {@code Received:} header: a server taking the message from the previous one.
     *
     * @param number       1 for the first hop (the bottom-most header), counting up towards the recipient
     * @param helo         the name the sending side gave (HELO/EHLO), or null
     * @param fromHost     the sending host's name as the receiving server resolved it, or null
     * @param fromIp       the sending address the receiving server recorded, or null
     * @param by           the receiving server, or null
     * @param with         the protocol (SMTP, ESMTPS, LMTP ...), or null
     * @param id           the receiving server's queue id, or null
     * @param time         the date as written in the header, or null
     * @param timeUtc      that date as an instant, or null when it cannot be read
     * @param delaySeconds seconds since the previous hop's time (negative when the clocks disagree), or null
     * @param raw          the header unfolded, as written
     */
    public record Hop(int number, String helo, String fromHost, String fromIp, String by, String with, String id,
                      String time, Instant timeUtc, Long delaySeconds, String raw) {
    }

    /**
     * A {@code DKIM-Signature}'s claims, not checked.
     *
     * @param domain    the {@code d=} tag
     * @param selector  the {@code s=} tag
     * @param algorithm the {@code a=} tag, or null
     */
    public record Dkim(String domain, String selector, String algorithm) {
    }

    /**
     * A header as found, unfolded.
     *
     * @param name  its name
     * @param value its value
     */
    public record Header(String name, String value) {
    }
}
