package org.exhibit.tools;

import java.nio.file.Path;

/**
 * Where the investigator's identity and the local TSA live: {@code exhibit.home}, {@code $EXHIBIT_HOME},
 * {@code ~/.exhibit}. Commands ask their {@link Environment}, which resolves it here unless it was given one.
 */
public final class ExhibitHome {
    /** System property that wins over the environment (tests and embedding). */
    public static final String PROPERTY = "exhibit.home";
    public static final String ENV = "EXHIBIT_HOME";

    private ExhibitHome() {
    }

    static Path resolve() {
        String prop = System.getProperty(PROPERTY);
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop);
        }
        String env = System.getenv(ENV);
        return env != null && !env.isBlank() ? Path.of(env) : Path.of(System.getProperty("user.home"), ".exhibit");
    }
}
