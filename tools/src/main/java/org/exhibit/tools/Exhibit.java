package org.exhibit.tools;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * The {@code exhibit} command line. Every subcommand is a thin layer over the libraries; this class maps
 * outcomes to {@link ExitCode}s and is the only place that calls {@code System.exit}.
 */
@Command(name = "exhibit", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Preserves web evidence so that it holds up in court.",
        footer = {"", "Examples:",
                "  exhibit demo",
                "  exhibit identity create --name \"Dana Reyes\" --org \"Reyes Law\"",
                "  exhibit case init cases/2026-017 --id 2026-017 --title \"Reposts of J.D.\"",
                "  exhibit capture --case cases/2026-017 https://example.org/post/123",
                "  exhibit profile create profiles/site-a --url https://example.org/login",
                "  exhibit recheck --case cases/2026-017 --hashes mine.csv",
                "  exhibit ingest --case cases/2026-017 chat.png email.eml",
                "  exhibit seal --case cases/2026-017",
                "  exhibit verify 2026-017-20261124T101500Z.zip",
                "  exhibit seal --case cases/2026-017 --encrypt-to ~/.exhibit/identity.pem --encrypt-to attorney.pem",
                "  exhibit verify 2026-017-20261124T101500Z.zip.p7m",
                "  exhibit report --case 2026-017-20261124T101500Z.zip -o report/",
                "  exhibit takedown --case cases/2026-017 -o notices/",
                ExitCode.FOOTER})
public final class Exhibit implements Runnable {
    /** Every subcommand, in the order {@code --help} lists them. */
    static final List<Class<?>> SUBCOMMANDS = List.of(
            CommandLine.HelpCommand.class,
            TsaCommand.class,
            IdentityCommand.class,
            CaseCommand.class,
            IngestCommand.class,
            StampCommand.class,
            CaptureCommand.class,
            ProfileCommand.class,
            RecheckCommand.class,
            TimelineCommand.class,
            DemoCommand.class,
            HashesCommand.class,
            MatchCommand.class,
            SealCommand.class,
            VerifyCommand.class,
            RenewCommand.class,
            ReportCommand.class,
            EncryptCommand.class,
            DecryptCommand.class,
            TakedownCommand.class,
            SearchCommand.class,
            PeopleCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    Verbosity verbosity;

    private final Environment environment;

    /** The root command; its subcommands take their home and passphrase from {@code environment}. */
    public Exhibit(Environment environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    public static void main(String[] args) {
        System.exit(commandLine(Environment.process(), args).execute(args));
    }

    /** The configured command line, with the home and passphrase of this process. */
    public static CommandLine commandLine() {
        return commandLine(Environment.process());
    }

    /**
     * The configured command line with its home and passphrase given, to run commands in process ({@code exhibit
     * demo}, tests) without touching a system property.
     */
    public static CommandLine commandLine(Environment environment) {
        return commandLine(environment, SUBCOMMANDS);
    }

    /**
     * The command line that {@code args} need: with only the subcommand they name, as picocli builds the model of
     * every subcommand it is given (all of them: ~0.3 s of a fresh process's CPU, paid by each {@code exhibit
     * verify}); with all of them for {@code help}, no subcommand or a name that is none (to list or suggest them).
     * The root's options take no value, so the first argument that is not an option is the subcommand's name.
     */
    static CommandLine commandLine(Environment environment, String... args) {
        String name = Arrays.stream(args).filter(a -> !a.startsWith("-")).findFirst().orElse(null);
        List<Class<?>> named = name == null || name.equals("help") ? List.of() : SUBCOMMANDS.stream()
                .filter(c -> {
                    Command command = c.getAnnotation(Command.class);
                    return command.name().equals(name) || Arrays.asList(command.aliases()).contains(name);
                }).toList();
        return commandLine(environment, named.size() == 1 ? named : SUBCOMMANDS);
    }

    private static CommandLine commandLine(Environment environment, List<Class<?>> subcommands) {
        CommandLine cl = new CommandLine(new Exhibit(environment));
        subcommands.forEach(cl::addSubcommand);
        cl.setExecutionExceptionHandler(Exhibit::handle);
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("exhibit: " + ex.getMessage());
            err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return ExitCode.USAGE;
        });
        return cl;
    }

    /** Whether {@code --quiet} was given (on the root or any subcommand: the option is inherited). */
    static boolean quiet(CommandLine.Model.CommandSpec spec) {
        return spec.root().userObject() instanceof Exhibit root && root.verbosity.quiet;
    }

    /** The home and passphrase the command line of {@code spec} was made with. */
    static Environment environment(CommandLine.Model.CommandSpec spec) {
        return spec.root().userObject() instanceof Exhibit root ? root.environment : Environment.process();
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private static int handle(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        boolean verbose = parsed.matchedOption("--verbose") != null
                || (parsed.subcommand() != null && parsed.subcommand().matchedOption("--verbose") != null);
        String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        err.println("exhibit: " + message);
        if (verbose) {
            ex.printStackTrace(err);
        }
        if (ex instanceof CommandLine.IExitCodeGenerator generator) {
            return generator.getExitCode();
        }
        return ex instanceof UsageException ? ExitCode.USAGE : ExitCode.FAILED;
    }
}
