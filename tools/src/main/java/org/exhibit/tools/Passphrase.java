package org.exhibit.tools;

import java.io.Console;
import java.util.Arrays;

/**
 * The identity's passphrase: {@code $EXHIBIT_PASSPHRASE}, else asked on the console. The system property
 * {@code exhibit.passphrase} wins over both, for embedding only (other users may see properties). Commands ask
 * their {@link Environment}, which reads it here unless it was given one.
 */
public final class Passphrase {
    public static final String PROPERTY = "exhibit.passphrase";
    public static final String ENV = "EXHIBIT_PASSPHRASE";

    private Passphrase() {
    }

    /**
     * @param purpose what it is for, shown in the prompt ("the new identity")
     * @param confirm ask twice on the console (for a new passphrase)
     */
    static char[] read(String purpose, boolean confirm) {
        String given = System.getProperty(PROPERTY);
        if (given == null || given.isEmpty()) {
            given = System.getenv(ENV);
        }
        if (given != null && !given.isEmpty()) {
            return given.toCharArray();
        }
        Console console = System.console();
        if (console == null) {
            throw new UsageException("no passphrase: set " + ENV + " or run in a terminal to be asked");
        }
        char[] first = console.readPassword("Passphrase for %s: ", purpose);
        if (first == null || first.length == 0) {
            throw new UsageException("no passphrase given");
        }
        if (confirm) {
            char[] again = console.readPassword("Again, to confirm: ");
            boolean same = Arrays.equals(first, again);
            if (again != null) {
                Arrays.fill(again, '\0');
            }
            if (!same) {
                Arrays.fill(first, '\0');
                throw new UsageException("the two passphrases differ: nothing was changed");
            }
        }
        return first;
    }
}
