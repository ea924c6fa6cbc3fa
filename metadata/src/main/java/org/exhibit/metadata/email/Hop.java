package org.exhibit.metadata.email;

import java.time.Instant;
import java.util.List;

/**
 * One {@code Received:} header: a server taking the message from the previous one.
 *
 * @param from     the name the sending side gave (HELO/EHLO), or null for a "by"-only header
 * @param fromHost the sending host's name as the receiving server resolved it, or null
 * @param fromIp   the sending address the receiving server recorded (its own observation, preferred over
 *                 a claimed HELO literal), or null
 * @param ips      every IP address the from-clause names, observed ones first
 * @param by       the receiving server
 * @param with     the protocol (SMTP, ESMTPS, LMTP ...), or null
 * @param id       the receiving server's queue id, or null
 * @param dateText the date as written after the last {@code ;}, or null
 * @param date     when the receiving server says it took the message, or null when unparseable
 * @param raw      the header unfolded, as written
 */
public record Hop(String from, String fromHost, String fromIp, List<String> ips, String by, String with, String id,
                  String dateText, Instant date,
                  String raw) {
    public Hop {
        ips = List.copyOf(ips);
    }
}
