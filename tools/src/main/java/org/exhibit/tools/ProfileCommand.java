package org.exhibit.tools;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.exhibit.capture.browser.BrowserOptions;
import org.exhibit.capture.browser.BrowserUnavailableException;
import org.exhibit.capture.profile.ProfileBrowser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code exhibit profile create DIR}: a visible Chromium on a new profile, to log in by hand for {@code capture --profile}. */
@Command(name = "profile", mixinStandardHelpOptions = true,
        description = "Browser profiles you log in with, for capturing pages that need a login.",
        subcommands = {ProfileCommand.Create.class, CommandLine.HelpCommand.class})
public final class ProfileCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = {"Open a visible Chromium on the profile DIR (made if missing) so you can log in to the sites "
                    + "to capture by hand; returns when you close the browser window.",
                    "The browser runs with a capture's privacy switches: no browser sign-in, no sync, no background "
                    + "networking. Captures with --profile bypass the profile's cache, and record cookie and "
                    + "authorization values only as their SHA-256 (see README)."},
            footer = {"", "Then: exhibit capture --case DIR --profile PROFILE URL",
                    "Needs a display: run it on a desktop, or under xvfb-run."})
    static final class Create implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "DIR", description = "The profile directory (made if missing).")
        Path dir;

        @Option(names = "--url", paramLabel = "URL", description = "The page to open first, e.g. the site's login page.")
        String url;

        @Option(names = "--browser", paramLabel = "PATH",
                description = "Chromium executable (default: $EXHIBIT_CHROMIUM or /usr/bin/chromium).")
        Path browser;

        /** Where DISPLAY comes from; a test gives its Xvfb's. */
        Map<String, String> env = System.getenv();

        @Override
        public Integer call() throws IOException, InterruptedException {
            URI start = null;
            if (url != null) {
                try {
                    start = new URI(url);
                } catch (URISyntaxException e) {
                    throw new UsageException("--url: expected a URL, got '" + url + "' (" + e.getReason() + ")", e);
                }
                if (!"http".equalsIgnoreCase(start.getScheme()) && !"https".equalsIgnoreCase(start.getScheme())) {
                    throw new UsageException("--url: expected an http or https URL, got '" + url + "'");
                }
            }
            PrintWriter out = spec.commandLine().getOut();
            ProfileBrowser.Launch launch = new ProfileBrowser.Launch(BrowserOptions.defaults().withChromium(browser), dir,
                    start, false);
            ProfileBrowser b;
            try {
                b = ProfileBrowser.open(launch, env);
            } catch (IllegalStateException | BrowserUnavailableException e) {
                throw new UsageException(e.getMessage(), e);
            }
            try (b) {
                out.println("Chromium is open on the profile " + b.dir() + ": log in to the sites you will capture, "
                        + "then close the browser window.");
                out.flush();
                int exit = b.awaitClosed();
                out.println("The browser closed" + (exit == 0 ? "" : " (exit code " + exit + ")")
                        + "; the profile is kept in " + b.dir() + ".");
                out.println("Capture with it: exhibit capture --case CASE --profile " + b.dir() + " URL");
                return exit == 0 ? ExitCode.OK : ExitCode.FAILED;
            }
        }
    }
}
