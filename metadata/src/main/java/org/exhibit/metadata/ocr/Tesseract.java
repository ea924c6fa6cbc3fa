package org.exhibit.metadata.ocr;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code tesseract} command (packages {@code tesseract-ocr} and {@code tesseract-ocr-eng}), run as a
 * child process on one image: {@code tesseract IMAGE stdout -l eng --psm 3 tsv}. The TSV gives every word with
 * its confidence and its block, paragraph and line, from which the text is rebuilt line by line. The image is
 * only read.
 *
 * <pre>{@code
 * Tesseract t = Tesseract.onPath();
 * OcrText text = t.read(Path.of("screenshot.png"));
 * text.text();             // "@velvet_fox_88\nyou have 24 hours ..."
 * }</pre>
 *
 * @param executable the tesseract executable
 * @param version    its version line ("tesseract 5.3.0")
 * @param languages  the language models used ("eng")
 */
public record Tesseract(Path executable, String version, String languages) {
    private static final long TIMEOUT_SECONDS = 120;

    /** Tesseract from {@code PATH}, with English. */
    public static Tesseract onPath() throws TesseractMissingException {
        return find(System.getenv().getOrDefault("PATH", ""));
    }

    /** Tesseract from the directories of {@code searchPath}, with English. */
    public static Tesseract find(String searchPath) throws TesseractMissingException {
        Path exe = null;
        for (String dir : searchPath.split(File.pathSeparator)) {
            Path p = dir.isEmpty() ? null : Path.of(dir, "tesseract");
            if (p != null && Files.isRegularFile(p) && Files.isExecutable(p)) {
                exe = p;
                break;
            }
        }
        if (exe == null) {
            throw new TesseractMissingException("tesseract not found on PATH: screenshots' text is not read (OCR);"
                    + " bin/setup installs it (Debian packages tesseract-ocr and tesseract-ocr-eng), or pass --no-ocr");
        }
        String langs;
        String version;
        try {
            langs = run(List.of(exe.toString(), "--list-langs"));
            version = run(List.of(exe.toString(), "--version")).lines().findFirst().orElse("tesseract").strip();
        } catch (IOException e) {
            throw new TesseractMissingException("tesseract at " + exe + " does not run: " + e.getMessage());
        }
        if (langs.lines().noneMatch(l -> l.strip().equals("eng"))) {
            throw new TesseractMissingException("tesseract has no English model: install Debian's tesseract-ocr-eng"
                    + " (bin/setup does), or pass --no-ocr");
        }
        return new Tesseract(exe, version, "eng");
    }

    /** Recognises the text of {@code image}. */
    public OcrText read(Path image) throws IOException {
        String tsv = run(List.of(executable.toString(), image.toString(), "stdout", "-l", languages, "--psm", "3",
                "tsv"));
        return parse(tsv);
    }

    /** Rebuilds lines from Tesseract's TSV (level 5 rows are words; conf -1 rows are layout only). */
    static OcrText parse(String tsv) {
        StringBuilder text = new StringBuilder();
        String lineKey = null;
        StringBuilder line = new StringBuilder();
        int words = 0;
        double confSum = 0;
        List<String> lines = new ArrayList<>();
        for (String row : tsv.split("\n")) {
            String[] c = row.split("\t", -1);
            if (c.length < 12 || !c[0].equals("5")) {
                continue;
            }
            String word = c[11].strip();
            double conf;
            try {
                conf = Double.parseDouble(c[10]);
            } catch (NumberFormatException e) {
                continue;
            }
            if (word.isEmpty() || conf < 0) {
                continue;
            }
            String key = c[1] + "/" + c[2] + "/" + c[3] + "/" + c[4];
            if (!key.equals(lineKey) && line.length() > 0) {
                lines.add(line.toString());
                line.setLength(0);
            }
            lineKey = key;
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
            words++;
            confSum += conf;
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        lines.forEach(l -> text.append(l).append('\n'));
        double mean = words == 0 ? 0 : Math.round(confSum / words * 10) / 10.0;
        return new OcrText(text.toString(), words, mean);
    }

    private static String run(List<String> command) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(false);
        pb.environment().put("OMP_THREAD_LIMIT", "1"); // one image at a time, one core: the machine stays usable
        Process p = pb.start();
        p.getOutputStream().close();
        Path err = Files.createTempFile("exhibit-tesseract-", ".err");
        try {
            Thread drain = new Thread(() -> {
                try (InputStream e = p.getErrorStream()) {
                    Files.write(err, e.readAllBytes());
                } catch (IOException ignored) {
                    // the exit code tells
                }
            }, "tesseract stderr");
            drain.setDaemon(true);
            drain.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("tesseract took more than " + TIMEOUT_SECONDS + " s: stopped");
            }
            drain.join(5000);
            if (p.exitValue() != 0) {
                String last = Files.readString(err, StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank())
                        .reduce((a, b) -> b).orElse("exit code " + p.exitValue());
                throw new IOException("tesseract failed: " + last.strip());
            }
            return out;
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while tesseract ran");
        } finally {
            Files.deleteIfExists(err);
        }
    }
}
