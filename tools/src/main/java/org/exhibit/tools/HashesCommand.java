package org.exhibit.tools;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.exhibit.metadata.ArtifactInspector;
import org.exhibit.metadata.hashlist.HashList;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import org.exhibit.format.layout.CaseLayout;

/** {@code exhibit hashes}: the hash list of a case, or of photos given directly. No image data is written. */
@Command(name = "hashes", mixinStandardHelpOptions = true,
        description = "Write the PDQ/MD5/SHA-256 hash list of a case's images and videos, or of given photos.",
        footer = {"", "Examples:", "  exhibit hashes --case cases/2026-017 -o hashes.csv",
                "  exhibit hashes --files me1.jpg me2.jpg --format json -o my-photos.json"})
public final class HashesCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @ArgGroup(multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--case", paramLabel = "DIR", description = "The case folder.")
        Path caseDir;

        @Option(names = "--files", paramLabel = "PHOTO", arity = "1..*", description = "Photos or videos to hash.")
        List<Path> files;
    }

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write here instead of stdout.")
    Path output;

    @Option(names = "--format", paramLabel = "csv|json", defaultValue = "csv", description = "csv (default) or json.")
    String format;

    @Override
    public Integer call() throws IOException {
        if (!format.equals("csv") && !format.equals("json")) {
            throw new UsageException("expected --format csv or json, got " + format);
        }
        HashList list;
        if (source.caseDir != null) {
            if (!Files.isDirectory(source.caseDir.resolve(CaseLayout.DATA))) {
                throw new UsageException("expected a case folder with data/, got " + source.caseDir);
            }
            list = HashList.fromCase(source.caseDir);
        } else {
            for (Path f : source.files) {
                if (!Files.isRegularFile(f)) {
                    throw new UsageException("expected a file, got " + f);
                }
            }
            list = HashList.fromFiles(source.files, new ArtifactInspector());
        }
        if (output == null) {
            PrintWriter out = spec.commandLine().getOut();
            write(list, out);
        } else {
            try (OutputStream os = Files.newOutputStream(output);
                 Writer w = new OutputStreamWriter(os, StandardCharsets.UTF_8)) {
                write(list, w);
            }
            spec.commandLine().getErr().println(list.entries().size() + " hashes written to " + output);
        }
        return ExitCode.OK;
    }

    private void write(HashList list, Writer w) throws IOException {
        if (format.equals("json")) {
            w.write(new String(list.json(), StandardCharsets.UTF_8));
            w.flush();
        } else {
            list.writeCsv(w);
        }
    }
}
