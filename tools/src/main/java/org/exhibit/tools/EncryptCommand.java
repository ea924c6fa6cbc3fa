package org.exhibit.tools;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.exhibit.integrity.crypt.EncryptedBundles;
import org.exhibit.integrity.crypt.Recipients;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code exhibit encrypt BUNDLE.zip --encrypt-to CERT.pem... [--passphrase] [-o OUT]}: an existing bundle, encrypted. */
@Command(name = "encrypt", mixinStandardHelpOptions = true,
        description = "Encrypt an existing bundle for safe keeping: CMS AuthEnvelopedData with AES-256-GCM, "
                + "streamed, for each --encrypt-to certificate and/or a passphrase. The plain ZIP is left as it is; "
                + "delete it yourself once the encrypted copy is where it belongs.",
        footer = {"", "Open it with exhibit decrypt, verify or report, or with OpenSSL 3:",
                "  openssl cms -decrypt -binary -inform DER -in B.zip.p7m -recip me.pem -inkey me.key -out B.zip",
                "  openssl cms -decrypt -binary -inform DER -in B.zip.p7m -pwri_password PASSPHRASE -out B.zip",
                "", "Exit codes: 0 written; 2 could not run (bad arguments, unreadable input, existing output)."})
public final class EncryptCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BUNDLE.zip", description = "The sealed bundle to encrypt.")
    Path bundle;

    @Mixin
    EncryptOptions encryption;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT.zip.p7m",
            description = "Where to write it (default: BUNDLE.zip.p7m beside the bundle); never replaced.")
    Path output;

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(bundle)) {
            throw new UsageException(bundle + ": expected a bundle .zip, got " + (Files.exists(bundle)
                    ? "something else" : "no such file"));
        }
        if (DecryptOptions.encrypted(bundle)) {
            throw new UsageException(bundle + ": already an encrypted bundle; expected a plain bundle .zip");
        }
        if (!encryption.requested()) {
            throw new UsageException("expected --encrypt-to CERT.pem or --passphrase: who should be able to open it?");
        }
        Path out = output != null ? output : EncryptedBundles.encryptedName(bundle);
        if (Files.exists(out)) {
            throw new UsageException(out + ": exists; choose another --output (never replaced)");
        }
        Recipients to = encryption.recipients(Exhibit.environment(spec));
        try {
            long n = EncryptedBundles.encrypt(bundle, out, to);
            spec.commandLine().getOut().println(out);
            spec.commandLine().getOut().println("  " + n + " bytes encrypted to " + to.certificates().size()
                    + " certificate(s)" + (to.passphrase() != null ? " and a passphrase" : ""));
        } catch (FileAlreadyExistsException e) {
            throw new UsageException(e.getMessage(), e);
        } finally {
            if (to.passphrase() != null) {
                Arrays.fill(to.passphrase(), '\0');
            }
        }
        return ExitCode.OK;
    }
}
