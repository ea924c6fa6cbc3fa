package org.exhibit.metadata.ocr;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A phone-style screenshot of a fictional conversation (written for this project), rendered from an HTML
 * mock-up by headless Chromium run as a child process ({@code /usr/bin/chromium}, Debian's package).
 */
public final class ChatScreenshot {
    /** The handles and date the mock-up shows. */
    public static final String HANDLE = "@velvet_fox_88";
    public static final String OTHER = "@sam_rivers_2009";
    public static final String DATE = "31 December 2023";

    private static final String HTML = """
            <!doctype html><html><head><meta charset="utf-8"><style>
            body { margin: 0; width: 390px; font-family: 'DejaVu Sans', sans-serif; background: #ffffff; }
            header { background: #f2f2f2; padding: 14px; font-size: 22px; font-weight: bold; color: #111; }
            .day { text-align: center; color: #333; font-size: 18px; margin: 14px 0; }
            .msg { margin: 10px 14px; padding: 10px 12px; border-radius: 14px; font-size: 20px; max-width: 300px;
                   color: #111; }
            .in { background: #eeeeee; } .out { background: #dcf8c6; margin-left: 60px; }
            .who { font-size: 16px; color: #222; }
            </style></head><body>
            <header>HANDLE</header>
            <div class="day">DATE</div>
            <div class="msg in"><div class="who">HANDLE</div>I have your pictures</div>
            <div class="msg out"><div class="who">OTHER</div>who is this</div>
            <div class="msg in"><div class="who">HANDLE</div>pay 500 by 9:41 PM</div>
            </body></html>
            """;

    private ChatScreenshot() {
    }

    /** Renders the mock-up to {@code png} as a phone would: 390 x 640 CSS pixels at twice the density (780 x 1280). */
    public static Path render(Path png) throws IOException, InterruptedException {
        Path chromium = Path.of("/usr/bin/chromium");
        if (!Files.isExecutable(chromium)) {
            throw new AssertionError("/usr/bin/chromium is missing: bin/setup installs it (Debian package chromium)");
        }
        Path html = png.resolveSibling("chat-mockup.html");
        Files.writeString(html, HTML.replace("HANDLE", HANDLE).replace("OTHER", OTHER).replace("DATE", DATE),
                StandardCharsets.UTF_8);
        Path profile = Files.createTempDirectory(png.getParent(), "chromium-");
        Process p = new ProcessBuilder(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--hide-scrollbars", "--user-data-dir=" + profile, "--window-size=390,640", "--force-device-scale-factor=2",
                "--screenshot=" + png.toAbsolutePath(), html.toUri().toString()))
                .redirectErrorStream(true).redirectOutput(png.resolveSibling("chromium.log").toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not render the mock-up within 60 s");
        }
        if (p.exitValue() != 0 || !Files.isRegularFile(png)) {
            throw new AssertionError("chromium did not render the mock-up (exit " + p.exitValue() + "): "
                    + Files.readString(png.resolveSibling("chromium.log")));
        }
        return png;
    }
}
