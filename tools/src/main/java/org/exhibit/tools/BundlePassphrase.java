package org.exhibit.tools;

import java.util.Arrays;

/**
 * The passphrase of an encrypted bundle ({@code --passphrase}): {@code $EXHIBIT_BUNDLE_PASSPHRASE}, else asked on
 * the console. Distinct from the identity's passphrase ({@link Passphrase}): it is shared with whoever must open the
 * bundle (an attorney), the identity's never is.
 */
public final class BundlePassphrase {
    public static final String ENV = "EXHIBIT_BUNDLE_PASSPHRASE";
    /** Shorter ones are refused for a new bundle: the file may sit on a stick or in a cloud for years. */
    static final int MIN_LENGTH = 12;

    private BundlePassphrase() {
    }

    static char[] read(String purpose, boolean confirm) {
        String given = System.getenv(ENV);
        char[] pass;
        if (given != null && !given.isEmpty()) {
            pass = given.toCharArray();
        } else {
            pass = Passphrase.fromConsole(ENV, purpose, confirm, "--passphrase: ", "written");
        }
        if (confirm && pass.length < MIN_LENGTH) {
            Arrays.fill(pass, '\0');
            throw new UsageException("--passphrase: expected at least " + MIN_LENGTH + " characters for a bundle "
                    + "passphrase, got fewer; choose a longer one (a few words)");
        }
        return pass;
    }
}
