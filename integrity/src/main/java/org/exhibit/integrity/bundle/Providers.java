package org.exhibit.integrity.bundle;

import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** The Bouncy Castle provider instance, used without registering it globally. */
final class Providers {
    static final Provider BC = new BouncyCastleProvider();

    private Providers() {
    }
}
