package org.exhibit.capture.interact;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.exhibit.capture.browser.BrowserSession;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;

/**
 * Finds, in a loaded page, the controls the interaction pass clicks and the walls it could not pass, with one
 * script that reads the page and changes nothing ({@code page.js}); clicks as a person would, through the
 * browser's own input.
 *
 * <pre>{@code
 * Control c = PageControls.find(session, List.of(Reason.CONSENT, Reason.AGE_GATE));
 * if (c != null) PageControls.click(session, c);   // then record c.describe() as a step
 * List<String> walls = PageControls.walls(session); // ["login wall: the page says \"Log in to see\""]
 * }</pre>
 */
public final class PageControls {
    private static final String SCRIPT = load();

    private PageControls() {
    }

    /** The first visible control for the first of {@code reasons} that has one, or null. */
    public static Control find(BrowserSession session, List<Reason> reasons) {
        Object found = session.script(SCRIPT, "find", reasons.stream().map(Reason::word).toList());
        if (!(found instanceof Map<?, ?> m) || !(m.get("element") instanceof WebElement el)) {
            return null;
        }
        return new Control(Reason.of(String.valueOf(m.get("reason"))), String.valueOf(m.get("selector")),
                String.valueOf(m.get("text")), el);
    }

    /** Clicks {@code c} with the browser's mouse; a control something else covers is clicked by script instead. */
    public static void click(BrowserSession session, Control c) {
        try {
            c.element().click();
        } catch (WebDriverException e) {
            session.script("arguments[0].click();", c.element());
        }
    }

    /** What still stands between a person and the content: one line per wall, none when nothing does. */
    public static List<String> walls(BrowserSession session) {
        Object found = session.script(SCRIPT, "walls", List.of());
        return found instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
    }

    private static String load() {
        try (InputStream in = PageControls.class.getResourceAsStream("page.js")) {
            if (in == null) {
                throw new IllegalStateException("page.js missing from the classpath next to " + PageControls.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
