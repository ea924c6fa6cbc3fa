package org.exhibit.tools;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.exhibit.integrity.timestamp.LocalTsa;
import org.exhibit.integrity.timestamp.TsaServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code exhibit tsa serve}: Exhibit's own RFC 3161 time-stamping authority over HTTP on 127.0.0.1. */
@Command(name = "tsa", mixinStandardHelpOptions = true,
        description = "Exhibit's own RFC 3161 time-stamping authority.",
        subcommands = {TsaCommand.Serve.class, CommandLine.HelpCommand.class})
public final class TsaCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "serve", mixinStandardHelpOptions = true,
            description = "Answer RFC 3161 requests on 127.0.0.1 until interrupted (Ctrl-C).",
            footer = {"", "Verify its tokens with: openssl ts -verify -data FILE -in FILE.tsr "
                    + "-CAfile DIR/root.pem -untrusted DIR/tsa-chain.pem"})
    static final class Serve implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--port", paramLabel = "N", defaultValue = "0",
                description = "TCP port on 127.0.0.1 (default: any free port, printed).")
        int port;

        @Option(names = "--dir", paramLabel = "DIR",
                description = "Where the TSA key and certificates live, created on first use "
                        + "(default: $EXHIBIT_HOME/tsa).")
        Path dir;

        @Override
        public Integer call() throws IOException {
            if (port < 0 || port > 65535) {
                throw new UsageException("--port: expected 0 to 65535, got " + port);
            }
            LocalTsa tsa = LocalTsa.open(dir != null ? dir : Exhibit.environment(spec).home().resolve("tsa"));
            TsaServer server;
            try {
                server = TsaServer.start(tsa, port);
            } catch (BindException e) {
                throw new UsageException("--port " + port + ": cannot listen there (" + e.getMessage() + ")", e);
            }
            try (server) {
                PrintWriter out = spec.commandLine().getOut();
                out.println("TSA:   " + server.url());
                out.println("chain: " + tsa.chainPem().toAbsolutePath());
                out.println("root:  " + tsa.rootPem().toAbsolutePath());
                out.flush();
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ExitCode.OK;
        }
    }
}
