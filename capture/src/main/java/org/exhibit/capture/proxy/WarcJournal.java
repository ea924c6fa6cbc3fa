package org.exhibit.capture.proxy;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.exhibit.format.record.CertificateSummary;
import org.exhibit.format.record.OriginInfo;
import org.exhibit.integrity.digest.Sha256;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.MessageVersion;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcMetadata;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcTruncationReason;
import org.netpreserve.jwarc.WarcWriter;
import org.netpreserve.jwarc.Warcinfo;

/**
 * The one WARC writer of a proxy run: each record a gzip member, records written one at a time, an
 * exchange's request and response side by side.
 */
final class WarcJournal implements Closeable {
    static final MediaType WARC_FIELDS = MediaType.parse("application/warc-fields");
    private static final String BLOCK_DIGEST = "WARC-Block-Digest";
    private static final String PAYLOAD_DIGEST = "WARC-Payload-Digest";
    private final FileChannel channel;
    private final WarcWriter writer;
    private boolean closed;

    WarcJournal(Path warc, WarcFileInfo info) throws IOException {
        channel = FileChannel.open(warc, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        writer = new WarcWriter(channel, WarcCompression.GZIP);
        Map<String, List<String>> fields = new LinkedHashMap<>();
        fields.put("software", List.of(info.software()));
        fields.put("format", List.of("WARC File Format 1.1"));
        fields.put("conformsTo", List.of("https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/"));
        byte[] body = fieldBytes(fields);
        writer.write(new Warcinfo.Builder().version(MessageVersion.WARC_1_1).date(now())
                .filename(info.filename()).body(WARC_FIELDS, body)
                .addHeader(BLOCK_DIGEST, digest(Sha256.ofBytes(body).bytes())).build());
    }

    /** Writes the request record, the response record if a response head arrived, and an outcome note if not complete. */
    synchronized void exchange(OpenExchange ex, Spool request, Spool response, Exchange.Outcome outcome, String reason)
            throws IOException {
        if (closed) {
            throw new IOException("the WARC was already closed");
        }
        Instant date = ex.started.truncatedTo(ChronoUnit.MILLIS);
        InetAddress ip = ex.ip == null ? null : InetAddress.getByName(ex.ip);
        boolean hasResponse = response != null && response.size() > 0;
        try (ReadableByteChannel body = request.open()) {
            WarcRequest.Builder b = new WarcRequest.Builder(ex.uri).version(MessageVersion.WARC_1_1)
                    .recordId(URI.create(ex.requestId)).date(date)
                    .body(MediaType.HTTP_REQUEST, body, request.size())
                    .addHeader(BLOCK_DIGEST, digest(request.blockDigest()));
            if (request.payloadSize() > 0 && !request.truncated()) {
                b.addHeader(PAYLOAD_DIGEST, digest(request.payloadDigest()));
            }
            if (request.truncated()) {
                b.truncated(WarcTruncationReason.LENGTH);
            }
            if (ip != null) {
                b.ipAddress(ip);
            }
            if (hasResponse) {
                b.concurrentTo(URI.create(ex.responseId));
            }
            writer.write(b.build());
        }
        if (hasResponse) {
            try (ReadableByteChannel body = response.open()) {
                WarcResponse.Builder b = new WarcResponse.Builder(ex.uri).version(MessageVersion.WARC_1_1)
                        .recordId(URI.create(ex.responseId)).date(date)
                        .body(MediaType.HTTP_RESPONSE, body, response.size())
                        .addHeader(BLOCK_DIGEST, digest(response.blockDigest()))
                        .concurrentTo(URI.create(ex.requestId));
                if (outcome == Exchange.Outcome.COMPLETE && !response.truncated()) {
                    b.addHeader(PAYLOAD_DIGEST, digest(response.payloadDigest()));
                } else {
                    b.truncated(response.truncated() ? WarcTruncationReason.LENGTH
                            : reason != null && reason.contains("timeout") ? WarcTruncationReason.TIME
                            : WarcTruncationReason.DISCONNECT);
                }
                if (ip != null) {
                    b.ipAddress(ip);
                }
                writer.write(b.build());
            }
        }
        if (outcome != Exchange.Outcome.COMPLETE) {
            Map<String, List<String>> fields = new LinkedHashMap<>();
            fields.put("exchange-outcome", List.of(outcome.name().toLowerCase(java.util.Locale.ROOT)));
            fields.put("exchange-reason", List.of(reason == null ? "unknown" : reason));
            metadata(ex.uri, ip, fields, URI.create(ex.requestId));
        }
    }

    /** Writes the metadata record of an origin: address, TLS parameters, the chain as presented, warnings. */
    synchronized void origin(OriginInfo info) throws IOException {
        if (closed) {
            throw new IOException("the WARC was already closed");
        }
        Map<String, List<String>> fields = new LinkedHashMap<>();
        fields.put("origin", List.of(info.origin()));
        fields.put("ip-address", List.of(info.ip()));
        if (info.tlsProtocol() != null) {
            fields.put("tls-protocol", List.of(info.tlsProtocol()));
            fields.put("tls-cipher-suite", List.of(info.cipherSuite()));
            fields.put("tls-validation", List.of(info.warnings().isEmpty() ? "ok" : "warning"));
            fields.put("tls-warning", info.warnings());
            fields.put("certificate-sha256", info.chain().stream().map(CertificateSummary::sha256).toList());
            fields.put("certificate-subject", info.chain().stream().map(CertificateSummary::subject).toList());
            // each certificate as DER in base64 on one line: a PEM body without its line breaks
            fields.put("certificate", info.chain().stream().map(c -> pemBody(c.pem())).toList());
        }
        metadata(info.origin(), InetAddress.getByName(info.ip()), fields, null);
    }

    private void metadata(String target, InetAddress ip, Map<String, List<String>> fields, URI concurrentTo) throws IOException {
        byte[] body = fieldBytes(fields);
        WarcMetadata.Builder b = new WarcMetadata.Builder().version(MessageVersion.WARC_1_1)
                .recordId(UUID.randomUUID()).date(now()).targetURI(target)
                .body(WARC_FIELDS, body).addHeader(BLOCK_DIGEST, digest(Sha256.ofBytes(body).bytes()));
        if (ip != null) {
            b.ipAddress(ip);
        }
        if (concurrentTo != null) {
            b.concurrentTo(concurrentTo);
        }
        writer.write(b.build());
    }

    static String pemBody(String pem) {
        return pem.replace("-----BEGIN CERTIFICATE-----", "").replace("-----END CERTIFICATE-----", "").replaceAll("\\s", "");
    }

    private static byte[] fieldBytes(Map<String, List<String>> fields) {
        StringBuilder sb = new StringBuilder();
        fields.forEach((name, values) -> values.forEach(v ->
                sb.append(name).append(": ").append(v.replaceAll("[\\r\\n]+", " ")).append("\r\n")));
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * {@code sha256:} and lower-case hex, which the WARC 1.1 grammar allows (a token). jwarc's own builders write
     * base32 with {@code =} padding, which it does not; readers (jwarc included) take either.
     */
    private static String digest(byte[] sha256) {
        return "sha256:" + HexFormat.of().formatHex(sha256);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    @Override
    public synchronized void close() throws IOException {
        if (!closed) {
            closed = true;
            writer.close();
            channel.close();
        }
    }
}
