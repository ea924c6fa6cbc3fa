package org.exhibit.tools;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What a run of {@code exhibit} takes from outside its arguments: the home folder (the identity and the local TSA)
 * and the identity's passphrase. {@link #process()} finds them as a user's run does ({@link ExhibitHome},
 * {@link Passphrase}); {@link #of(Path, String)} gives them, so that {@code exhibit demo} runs its steps in process
 * with its own home and passphrase without setting a system property. The root command carries it; a command asks
 * {@link Exhibit#environment} for it.
 */
public final class Environment {
    private static final Environment PROCESS = new Environment(null, null, null);

    /** The given home, or null to resolve it from the process. */
    private final Path home;
    /** The given passphrase, or null to read it as the process would. */
    private final String passphrase;
    /** The given passphrase of encrypted bundles, or null to read it as the process would. */
    private final String bundlePassphrase;

    private Environment(Path home, String passphrase, String bundlePassphrase) {
        this.home = home;
        this.passphrase = passphrase;
        this.bundlePassphrase = bundlePassphrase;
    }

    /** The home as {@link ExhibitHome} resolves it and the passphrase as {@link Passphrase} reads it, when asked. */
    public static Environment process() {
        return PROCESS;
    }

    /**
     * @param home       the home folder to use
     * @param passphrase the identity's passphrase, or null to read it as {@link #process()} does
     */
    public static Environment of(Path home, String passphrase) {
        Objects.requireNonNull(home, "home");
        if (passphrase != null && passphrase.isEmpty()) {
            throw new IllegalArgumentException("expected a passphrase or null, got an empty one");
        }
        return new Environment(home, passphrase, null);
    }

    /** This environment with the passphrase of encrypted bundles given (else read as {@link BundlePassphrase} does). */
    public Environment withBundlePassphrase(String given) {
        if (given == null || given.isEmpty()) {
            throw new IllegalArgumentException("expected a bundle passphrase, got none");
        }
        return new Environment(home, passphrase, given);
    }

    /**
     * The passphrase of an encrypted bundle, as a fresh array the caller clears.
     *
     * @param purpose what it is for, shown in a console prompt
     * @param confirm ask twice when asking on the console (a new bundle)
     */
    public char[] bundlePassphrase(String purpose, boolean confirm) {
        return bundlePassphrase != null ? bundlePassphrase.toCharArray() : BundlePassphrase.read(purpose, confirm);
    }

    /** Where the identity and the local TSA live. */
    public Path home() {
        return home != null ? home : ExhibitHome.resolve();
    }

    /**
     * The identity's passphrase, as a fresh array the caller clears.
     *
     * @param purpose what it is for, shown in a console prompt ("the new identity")
     * @param confirm ask twice when asking on the console (for a new passphrase)
     */
    public char[] passphrase(String purpose, boolean confirm) {
        return passphrase != null ? passphrase.toCharArray() : Passphrase.read(purpose, confirm);
    }

    @Override
    public String toString() {
        return home == null ? "the process's environment" : "home " + home + (passphrase == null ? "" : " with a passphrase");
    }
}
