package org.exhibit.tools;

import java.util.Arrays;
import org.exhibit.integrity.identity.Identity;
import org.exhibit.integrity.identity.IdentityException;
import org.exhibit.integrity.identity.IdentityStore;
import org.exhibit.integrity.identity.PublicIdentity;

/** The investigator's identity for commands: read from the {@link Environment}'s home, errors as one-line usage errors. */
public final class Investigator {
    private Investigator() {
    }

    public static IdentityStore store(Environment env) {
        return new IdentityStore(env.home());
    }

    /** Name and fingerprint, no passphrase needed (for commands that log but do not sign). */
    public static PublicIdentity publicInfo(Environment env) {
        try {
            return store(env).publicInfo();
        } catch (IdentityException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }

    /** The key, unlocked with the passphrase (for commands that sign). */
    public static Identity unlock(Environment env) {
        IdentityStore store = store(env);
        try {
            store.publicInfo();
            char[] passphrase = env.passphrase("the identity in " + store.home(), false);
            try {
                return store.load(passphrase);
            } finally {
                Arrays.fill(passphrase, '\0');
            }
        } catch (IdentityException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }
}
