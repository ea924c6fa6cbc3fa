package org.exhibit.tools;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.exhibit.integrity.timestamp.LocalTsa;
import org.exhibit.integrity.timestamp.Timestamper;
import org.exhibit.integrity.timestamp.TrustAnchors;
import org.exhibit.integrity.timestamp.TsaEndpoint;
import org.exhibit.integrity.timestamp.TsaServer;
import picocli.CommandLine.Option;

/**
 * {@code --tsa URL|local} (repeatable) for every command that timestamps.
 *
 * <pre>{@code
 * @Mixin TsaOptions tsaOptions;
 * ...
 * try (TsaOptions.Session tsas = tsaOptions.open(Exhibit.environment(spec).home())) {
 *     Timestamper timestamper = tsas.timestamper(TrustAnchors.jdkDefaults());
 *     ...
 * }   // stops the in-process TSA, if "local" started one
 * }</pre>
 */
public final class TsaOptions {
    @Option(names = "--tsa", paramLabel = "URL|local",
            description = "RFC 3161 time-stamping authority (repeatable): a URL, or 'local' for Exhibit's own TSA "
                    + "run in-process (keys under $EXHIBIT_HOME/tsa). Each one given stamps every record and the "
                    + "manifest (a token per TSA); one that does not answer leaves its stamp pending for `exhibit "
                    + "stamp`. Default: the public TSAs listed in the README (DigiCert, Sectigo, GlobalSign, "
                    + "FreeTSA).")
    List<String> specs = new ArrayList<>();

    /** The TSAs asked for, with "local" started in-process from {@code exhibitHome/tsa}. */
    public Session open(Path exhibitHome) throws IOException {
        List<String> asked = specs.isEmpty() ? null : specs;
        List<TsaEndpoint> endpoints = new ArrayList<>();
        TsaServer server = null;
        try {
            if (asked == null) {
                endpoints.addAll(TsaEndpoint.defaults());
            } else {
                for (String spec : asked) {
                    if (TsaEndpoint.LOCAL.equals(spec.trim())) {
                        if (server == null) {
                            server = TsaServer.start(LocalTsa.open(exhibitHome.resolve("tsa")), 0);
                            endpoints.add(server.endpoint());
                        }
                    } else {
                        endpoints.add(endpoint(spec));
                    }
                }
            }
            Set<String> names = new HashSet<>();
            for (TsaEndpoint e : endpoints) {
                if (!names.add(e.name())) {
                    throw new UsageException("--tsa: expected TSAs with distinct names, got " + e.name() + " twice");
                }
            }
            return new Session(List.copyOf(endpoints), server);
        } catch (RuntimeException | IOException e) {
            if (server != null) {
                server.close();
            }
            throw e;
        }
    }

    private static TsaEndpoint endpoint(String spec) {
        try {
            return TsaEndpoint.of(spec);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--tsa: " + e.getMessage());
        }
    }

    /** The resolved TSAs; closing it stops the in-process TSA. */
    public static final class Session implements AutoCloseable {
        private final List<TsaEndpoint> endpoints;
        private final TsaServer server;

        Session(List<TsaEndpoint> endpoints, TsaServer server) {
            this.endpoints = endpoints;
            this.server = server;
        }

        /** In the order given; "local" is named "local" and points at the in-process server. */
        public List<TsaEndpoint> endpoints() {
            return endpoints;
        }

        /** The local TSA, when "local" was asked for. */
        public Optional<LocalTsa> local() {
            return Optional.ofNullable(server).map(TsaServer::tsa);
        }

        /** {@code base} plus the local TSA's root when "local" was asked for. */
        public TrustAnchors anchors(TrustAnchors base) {
            return server == null ? base : base.with(server.tsa().root());
        }

        /** A timestamper over these TSAs with default timeouts and retries. */
        public Timestamper timestamper(TrustAnchors base) {
            return new Timestamper(endpoints, anchors(base));
        }

        @Override
        public void close() {
            if (server != null) {
                server.close();
            }
        }
    }
}
