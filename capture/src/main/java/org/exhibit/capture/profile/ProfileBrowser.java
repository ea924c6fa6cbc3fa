package org.exhibit.capture.profile;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.exhibit.capture.browser.Browser;
import org.exhibit.capture.browser.BrowserOptions;
import org.exhibit.capture.browser.BrowserUnavailableException;

/**
 * A visible Chromium on a profile directory, for the investigator to log in to the sites to capture by hand; the
 * profile is then used as is by {@code capture --profile DIR}. The browser gets the privacy switches of a capture
 * (no background networking, no sync, no component updates) and a new profile's preferences forbid browser sign-in,
 * Safe Browsing lookups and search suggestions. No WebDriver is attached (sites see an ordinary browser) unless
 * {@link Launch#devTools()} asks for a DevTools port, which tests use to drive the login form.
 *
 * <pre>{@code
 * try (ProfileBrowser b = ProfileBrowser.open(new ProfileBrowser.Launch(options, dir, URI.create(url), false),
 *         System.getenv())) {
 *     b.awaitClosed(); // the investigator closed the window
 * }
 * }</pre>
 */
public final class ProfileBrowser implements AutoCloseable {
    /** The one-line error when there is no screen to show the browser on. */
    public static final String NO_DISPLAY = "no display: run it on a desktop, or under xvfb-run";
    /** Switches of a headless capture browser that a visible one does without. */
    private static final Set<String> HEADLESS_ONLY = Set.of("--headless=new", "--hide-scrollbars", "--mute-audio",
            "--force-device-scale-factor=1", "--disable-gpu", "--no-sandbox");
    /** Preferences of a new profile: no browser sign-in, no Safe Browsing lookups, no search suggestions. */
    static final String PREFERENCES = "{\"signin\":{\"allowed\":false,\"allowed_on_next_startup\":false},\"safebrowsing\":{\"enabled\":false},"
            + "\"search\":{\"suggest_enabled\":false}}\n";

    /**
     * What to open.
     *
     * @param browser  the Chromium executable (chromedriver is not used) and window size; its proxy is ignored
     * @param dir      the profile directory, made if missing
     * @param start    the page to open first, or null for a blank tab
     * @param devTools true to open a DevTools port on 127.0.0.1 (for tests that drive the page); its address is then
     *                 {@link #devToolsAddress}
     */
    public record Launch(BrowserOptions browser, Path dir, URI start, boolean devTools) {
        public Launch {
            if (browser == null || dir == null) {
                throw new IllegalArgumentException("expected browser options and a profile directory, got "
                        + browser + " and " + dir);
            }
        }
    }

    private final Process process;
    private final Path dir;

    private ProfileBrowser(Process process, Path dir) {
        this.process = process;
        this.dir = dir;
    }

    /**
     * Starts the browser. Throws {@link IllegalStateException} with {@link #NO_DISPLAY} when {@code env} has neither
     * {@code DISPLAY} nor {@code WAYLAND_DISPLAY}, {@link BrowserUnavailableException} when Chromium is missing, and
     * {@link IOException} when the directory cannot be made or the browser not started.
     */
    public static ProfileBrowser open(Launch launch, Map<String, String> env) throws IOException {
        if (blank(env.get("DISPLAY")) && blank(env.get("WAYLAND_DISPLAY"))) {
            throw new IllegalStateException(NO_DISPLAY);
        }
        Path chromium = launch.browser().chromium();
        if (!Files.isExecutable(chromium)) {
            throw new BrowserUnavailableException("Chromium not found at " + chromium + "; install it with '"
                    + BrowserUnavailableException.INSTALL_HINT + "' or point --browser / " + BrowserOptions.CHROMIUM_ENV
                    + " at it");
        }
        Path dir = launch.dir().toAbsolutePath();
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IOException("expected a profile directory, got the file " + dir);
        }
        Files.createDirectories(dir);
        Path prefs = dir.resolve("Default").resolve("Preferences");
        if (!Files.exists(prefs)) { // a new profile; an existing one keeps its own settings
            Files.createDirectories(prefs.getParent());
            Files.writeString(prefs, PREFERENCES, StandardCharsets.UTF_8);
        }
        Files.deleteIfExists(dir.resolve(DEVTOOLS_PORT_FILE));
        List<String> command = new ArrayList<>();
        command.add(chromium.toString());
        command.addAll(arguments(launch));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        for (String name : List.of("DISPLAY", "WAYLAND_DISPLAY", "XAUTHORITY")) {
            if (!blank(env.get(name))) {
                pb.environment().put(name, env.get(name)); // the screen named in env, not only this process's own
            }
        }
        Process p = pb.start();
        return new ProfileBrowser(p, dir);
    }

    /** Chromium's switches for a visible profile browser: a capture's privacy switches, windowed, on {@code dir}. */
    public static List<String> arguments(Launch launch) {
        List<String> args = new ArrayList<>();
        for (String a : Browser.arguments(launch.browser().withProxy(null, List.of()), launch.dir().toAbsolutePath())) {
            if (!HEADLESS_ONLY.contains(a)) {
                args.add(a);
            }
        }
        if ("root".equals(System.getProperty("user.name"))) {
            args.add("--no-sandbox"); // Chromium refuses to run as root with its sandbox (containers, test machines)
        }
        if (launch.devTools()) {
            args.add("--remote-debugging-address=127.0.0.1");
            args.add("--remote-debugging-port=0");
        }
        if (launch.start() != null) {
            args.add(launch.start().toASCIIString());
        }
        return args;
    }

    static final String DEVTOOLS_PORT_FILE = "DevToolsActivePort";

    /**
     * {@code 127.0.0.1:port} of the DevTools endpoint of a browser opened with {@link Launch#devTools()}, once
     * Chromium has written it (waits up to {@code max}).
     */
    public String devToolsAddress(Duration max) throws IOException, InterruptedException {
        Path file = dir.resolve(DEVTOOLS_PORT_FILE);
        long end = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < end) {
            if (Files.isRegularFile(file)) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                if (!lines.isEmpty() && !lines.get(0).isBlank()) {
                    return "127.0.0.1:" + lines.get(0).strip();
                }
            }
            if (!process.isAlive()) {
                throw new IOException("Chromium ended (exit code " + process.exitValue() + ") before opening DevTools");
            }
            Thread.sleep(100);
        }
        throw new IOException("Chromium wrote no " + file + " within " + max.toSeconds() + " s");
    }

    /** Waits until the browser ends: the investigator closed its last window. Returns its exit code. */
    public int awaitClosed() throws InterruptedException {
        return process.waitFor();
    }

    /** Waits at most {@code max} for the browser to end; true if it did. */
    public boolean awaitClosed(Duration max) throws InterruptedException {
        return process.waitFor(max.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    public Path dir() {
        return dir;
    }

    /** Ends the browser (and its child processes, by id) if it still runs: only for an abandoned launch. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            try {
                if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
