package org.exhibit.capture.interact;

import org.openqa.selenium.WebElement;

/**
 * A control on the page that the interaction pass would click.
 *
 * @param reason   why
 * @param selector a CSS selector path to it, from the nearest ancestor with an id
 * @param text     its visible text (or value, or ARIA label)
 * @param element  the element itself
 */
public record Control(Reason reason, String selector, String text, WebElement element) {
    /** "age-gate: clicked \"I am 18 or older\" at div#gate > button". */
    public String describe() {
        return reason.word() + ": clicked \"" + text + "\" at " + selector;
    }
}
