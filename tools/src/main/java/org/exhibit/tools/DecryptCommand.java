package org.exhibit.tools;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.exhibit.integrity.crypt.DecryptedBundle;
import org.exhibit.integrity.crypt.DecryptionException;
import org.exhibit.integrity.crypt.DecryptionKey;
import org.exhibit.integrity.crypt.EncryptedBundles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code exhibit decrypt BUNDLE.zip.p7m [--key FILE.p12|--passphrase] [-o OUT.zip]}: the plain bundle back. */
@Command(name = "decrypt", mixinStandardHelpOptions = true,
        description = "Decrypt an encrypted bundle back to its ZIP, written only once the whole file authenticated "
                + "(into a temporary file beside the output, renamed at the end; deleted on any failure). The ZIP is "
                + "plaintext on disk: to only check or read the bundle, use verify or report, which decrypt without "
                + "writing it.",
        footer = {"", "Exit codes: 0 written; 2 could not run; 3 wrong key or passphrase; 4 the encrypted file is "
                + "damaged, tampered with or truncated (nothing written)."})
public final class DecryptCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BUNDLE.zip.p7m", description = "The encrypted bundle.")
    Path encrypted;

    @Mixin
    DecryptOptions decryption;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT.zip",
            description = "Where to write the ZIP (default: the name without .p7m, beside it); never replaced.")
    Path output;

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(encrypted)) {
            throw new UsageException(encrypted + ": expected an encrypted bundle .zip.p7m, got "
                    + (Files.exists(encrypted) ? "something else" : "no such file"));
        }
        Path out = output != null ? output : encrypted.resolveSibling(DecryptedBundle.plainName(encrypted));
        if (out.equals(encrypted) || Files.exists(out)) {
            throw new UsageException(out + ": exists; choose another --output (never replaced)");
        }
        DecryptionKey key = decryption.key(encrypted, Exhibit.environment(spec));
        try {
            long n = EncryptedBundles.decrypt(encrypted, out, key);
            spec.commandLine().getOut().println(out);
            spec.commandLine().getOut().println("  " + n + " bytes, authenticated");
        } catch (DecryptionException e) {
            throw new DecryptOptions.Failure(e);
        } catch (FileAlreadyExistsException e) {
            throw new UsageException(e.getMessage(), e);
        } finally {
            if (key.passphrase() != null) {
                Arrays.fill(key.passphrase(), '\0');
            }
        }
        if (!Exhibit.quiet(spec)) {
            spec.commandLine().getErr().println("exhibit: note: " + out + " is the bundle in plaintext; keep it only "
                    + "as long as needed");
        }
        return ExitCode.OK;
    }
}
