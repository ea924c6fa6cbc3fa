package org.exhibit.metadata.email;

import java.time.Instant;
import java.util.List;
import org.exhibit.format.record.EmailHeaders;

/**
 * What one message's headers and structure show.
 *
 * @param from          sender addresses, decoded ("Jörg X <anon@example.com>")
 * @param to            recipients in To
 * @param cc            recipients in Cc
 * @param subject       the subject, RFC 2047 decoded
 * @param date          the Date header, or null when missing or unparseable
 * @param messageId     the Message-ID, or null
 * @param hops          the Received chain in the order the message travelled: the first hop (the bottom-most
 *                      header) first, the recipient's own server last
 * @param originatingIp the sending address of the first hop whose sender is on the internet (private and
 *                      loopback addresses skipped), or null when the headers reveal none
 * @param replyTo       the Reply-To addresses (address only), empty when there is none
 * @param returnPath    the Return-Path address, or null
 * @param authentication the Authentication-Results, DKIM-Signature and ARC-* headers, unfolded, top-most first
 * @param attachments   the attachments, written out as files
 * @param warnings      what was malformed or could not be read
 */
public record Email(List<String> from, List<String> to, List<String> cc, String subject, Instant date,
                    String messageId, List<Hop> hops, String originatingIp, List<String> replyTo, String returnPath,
                    List<EmailHeaders.Header> authentication, List<Attachment> attachments,
                    List<String> warnings) {
    public Email {
        from = List.copyOf(from);
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        hops = List.copyOf(hops);
        replyTo = List.copyOf(replyTo);
        authentication = List.copyOf(authentication);
        attachments = List.copyOf(attachments);
        warnings = List.copyOf(warnings);
    }
}
