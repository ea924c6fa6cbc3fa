package org.exhibit.tools;

import picocli.CommandLine.Option;

/** {@code --verbose}/{@code --quiet}, inherited by every subcommand. */
public final class Verbosity {
    @Option(names = {"-v", "--verbose"}, description = "Print stack traces and step-by-step detail on stderr.",
            scope = picocli.CommandLine.ScopeType.INHERIT)
    boolean verbose;

    @Option(names = {"-q", "--quiet"}, description = "Print only results and errors.",
            scope = picocli.CommandLine.ScopeType.INHERIT)
    boolean quiet;
}
