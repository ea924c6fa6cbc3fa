package org.exhibit.capture.browser;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;

/**
 * Reads every frame of a page, same-origin or cross-origin (chromedriver reaches out-of-process frames too), in
 * document order: each {@code <iframe>} or {@code <frame>}, then the frames inside it, then its next sibling. The
 * driver is back on the top document when it returns.
 *
 * <pre>{@code
 * List<Frames.Frame> frames = Frames.read(session, rec::partial);
 * frames.get(0).url();   // "https://player.example/embed/123"
 * }</pre>
 */
final class Frames {
    /** Frames read at most, all levels together; more are left out and the step is partial. */
    static final int MAX = 50;
    /** Frames nested deeper than this are left out. */
    static final int MAX_DEPTH = 5;

    /** One frame: its URL, its DOM (open shadow roots included) and its visible text. */
    record Frame(String url, String html, String text) {
    }

    private Frames() {
    }

    static List<Frame> read(BrowserSession session, Consumer<String> partial) {
        WebDriver driver = session.driver();
        List<Frame> out = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try {
            walk(session, driver, out, 1, problems);
        } finally {
            driver.switchTo().defaultContent();
        }
        if (!problems.isEmpty()) {
            partial.accept(String.join("; ", problems));
        }
        return out;
    }

    private static void walk(BrowserSession session, WebDriver driver, List<Frame> out, int depth,
                             List<String> problems) {
        List<WebElement> frames = driver.findElements(By.cssSelector("iframe, frame"));
        for (int i = 0; i < frames.size(); i++) {
            if (out.size() >= MAX) {
                problems.add("only the first " + MAX + " frames were read");
                return;
            }
            if (depth > MAX_DEPTH) {
                problems.add("frames nested deeper than " + MAX_DEPTH + " were not read");
                return;
            }
            try {
                driver.switchTo().frame(frames.get(i));
            } catch (WebDriverException e) {
                problems.add("frame " + (i + 1) + " at depth " + depth + " could not be entered: "
                        + Browser.firstLine(e.getMessage()));
                continue;
            }
            try {
                out.add(new Frame(string(session.script(PageScripts.URL)), string(session.script(PageScripts.DOM)),
                        string(session.script(PageScripts.TEXT))));
                walk(session, driver, out, depth + 1, problems);
            } catch (WebDriverException e) {
                problems.add("frame " + (i + 1) + " at depth " + depth + " could not be read: "
                        + Browser.firstLine(e.getMessage()));
            } finally {
                driver.switchTo().parentFrame();
            }
        }
    }

    private static String string(Object o) {
        return o == null ? "" : String.valueOf(o);
    }
}
