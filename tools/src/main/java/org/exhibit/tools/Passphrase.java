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
        return fromConsole(ENV, purpose, confirm, "", "changed");
    }

    /**
     * Asks on the console (also for {@link BundlePassphrase}).
     *
     * @param env the variable to name when there is no console
     * @param prefix put before each error ("--passphrase: ")
     * @param notDone what did not happen when the two differ ("changed")
     */
    static char[] fromConsole(String env, String purpose, boolean confirm, String prefix, String notDone) {
        Console console = System.console();
        if (console == null) {
            throw new UsageException(prefix + "no passphrase: set " + env + " or run in a terminal to be asked");
        }
        char[] first = console.readPassword("Passphrase for %s: ", purpose);
        if (first == null || first.length == 0) {
            throw new UsageException(prefix + "no passphrase given");
        }
        if (confirm) {
            char[] again = console.readPassword("Again, to confirm: ");
            boolean same = Arrays.equals(first, again);
            if (again != null) {
                Arrays.fill(again, '\0');
            }
            if (!same) {
                Arrays.fill(first, '\0');
                throw new UsageException(prefix + "the two passphrases differ: nothing was " + notDone);
            }
        }
        return first;
    }
}
