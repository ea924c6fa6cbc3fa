package org.exhibit.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command line main builds: only the subcommand the arguments name, all of them when none or help is named. */
class CommandLineTest {
    private static final Environment ENV = Environment.of(Path.of("no-home"), null);

    @Test
    void aSubcommandNamedIsTheOnlyOneBuiltAndKeepsTheInheritedOptions() {
        CommandLine cl = Exhibit.commandLine(ENV, "--quiet", "verify", "bundle.zip");
        assertThat(cl.getSubcommands()).containsOnlyKeys("verify");
        assertThat(cl.getSubcommands().get("verify").getCommandSpec().findOption("--quiet")).isNotNull();
    }

    @Test
    void helpNoSubcommandOrAnUnknownOneBuildsThemAll() {
        for (String[] args : new String[][] {{}, {"--help"}, {"help", "verify"}, {"verfy", "bundle.zip"}}) {
            assertThat(Exhibit.commandLine(ENV, args).getSubcommands()).hasSize(Exhibit.SUBCOMMANDS.size())
                    .containsKeys("verify", "capture", "seal", "help");
        }
        Cli help = Cli.run(ENV, "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("verify", "capture", "takedown", "people");
        Cli typo = Cli.run(ENV, "verfy", "bundle.zip");
        assertThat(typo.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(typo.err()).contains("verfy");
    }
}
