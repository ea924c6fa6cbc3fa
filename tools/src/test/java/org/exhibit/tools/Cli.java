package org.exhibit.tools;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * Runs {@code exhibit} in-process with {@code home} (and a passphrase, or null to have none given) as its
 * {@link Environment}, capturing stdout and stderr. No system property is set.
 */
record Cli(int exit, String out, String err) {
    static Cli run(Path home, String passphrase, String... args) {
        return run(Environment.of(home, passphrase), args);
    }

    static Cli run(Environment env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Exhibit.commandLine(env, args);   // as main builds it: only the subcommand named
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Cli(exit, out.toString(), err.toString());
    }
}
