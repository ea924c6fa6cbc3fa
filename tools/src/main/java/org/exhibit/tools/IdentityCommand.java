package org.exhibit.tools;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.exhibit.format.json.Json;
import org.exhibit.integrity.identity.IdentityException;
import org.exhibit.integrity.identity.IdentityStore;
import org.exhibit.integrity.identity.PublicIdentity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code exhibit identity create|show}: the investigator's key and certificate under $EXHIBIT_HOME. */
@Command(name = "identity", mixinStandardHelpOptions = true,
        description = "The investigator's signing identity (key and certificate in $EXHIBIT_HOME).",
        subcommands = {IdentityCommand.Create.class, IdentityCommand.Show.class, CommandLine.HelpCommand.class})
public final class IdentityCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static void print(PrintWriter out, PublicIdentity id, Path home) {
        out.println("name:         " + id.name());
        if (id.org() != null) {
            out.println("organisation: " + id.org());
        }
        if (id.email() != null) {
            out.println("email:        " + id.email());
        }
        out.println("fingerprint:  " + id.fingerprint() + "  (SHA-256 of the certificate)");
        out.println("valid until:  " + id.notAfter());
        out.println("certificate:  " + home.resolve(IdentityStore.PEM));
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create an ECDSA P-256 key and self-signed certificate, or import one (--import).",
            footer = {"", "The passphrase comes from $EXHIBIT_PASSPHRASE, or is asked on the terminal."})
    static final class Create implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--name", paramLabel = "NAME", description = "Your name, as the certificate and the custody log show it.")
        String name;

        @Option(names = "--org", paramLabel = "ORG", description = "Your organisation.")
        String org;

        @Option(names = "--email", paramLabel = "EMAIL", description = "Your e-mail address.")
        String email;

        @Option(names = "--import", paramLabel = "P12",
                description = "Import a PKCS#12 file an organisation issued, instead of creating a certificate.")
        Path importFrom;

        @Option(names = "--force", description = "Replace an existing identity (its files are kept as backups).")
        boolean force;

        @Override
        public Integer call() {
            Environment env = Exhibit.environment(spec);
            IdentityStore store = Investigator.store(env);
            if (importFrom == null && (name == null || name.isBlank())) {
                throw new UsageException("expected --name NAME (or --import P12), got neither");
            }
            if (importFrom != null && (name != null || org != null || email != null)) {
                throw new UsageException("--import takes the names from the certificate: drop --name, --org, --email");
            }
            if (importFrom != null && !Files.isRegularFile(importFrom)) {
                throw new UsageException("--import " + importFrom + ": no such file");
            }
            check(() -> {
                store.refuseOverwrite(force);
                return null;
            });
            char[] passphrase = env.passphrase(importFrom == null ? "the new identity" : importFrom.toString(),
                    importFrom == null);
            try {
                PublicIdentity id = check(() -> importFrom == null
                        ? store.create(name, org, email, passphrase, force).publicInfo()
                        : store.importP12(importFrom, passphrase, force).publicInfo());
                PrintWriter out = spec.commandLine().getOut();
                out.println((importFrom == null ? "Identity created in " : "Identity imported into ") + store.home());
                print(out, id, store.home());
                return ExitCode.OK;
            } finally {
                Arrays.fill(passphrase, '\0');
            }
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Show your name and certificate fingerprint (no passphrase needed).")
    static final class Show implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            Environment env = Exhibit.environment(spec);
            IdentityStore store = Investigator.store(env);
            PublicIdentity id = Investigator.publicInfo(env);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", id.name());
                m.put("org", id.org());
                m.put("email", id.email());
                m.put("fingerprint", id.fingerprint());
                m.put("notAfter", id.notAfter());
                m.put("certificate", store.pem().toString());
                out.println(Json.COMPACT.writeValueAsString(m));
            } else {
                print(out, id, store.home());
            }
            return ExitCode.OK;
        }
    }

    interface IdentityAction<T> {
        T run() throws IdentityException;
    }

    static <T> T check(IdentityAction<T> action) {
        try {
            return action.run();
        } catch (IdentityException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }
}
