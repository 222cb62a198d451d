package io.tlsmachine.impl.handshake;

import javax.security.auth.DestroyFailedException;
import javax.security.auth.Destroyable;

/** Destroys key material whose {@code destroy()} declares the checked {@link DestroyFailedException}. */
final class Wipe {

    private Wipe() {
    }

    /** Destroys {@code secret}; a provider that cannot wipe its key leaves it to the garbage collector. */
    static void quietly(Destroyable secret) {
        try {
            secret.destroy();
        } catch (DestroyFailedException e) {
            // The JDK's own keys refuse destroy(); nothing more can be done for them.
        }
    }

    /** Destroys each of {@code secrets} that is not null, as {@link #quietly(Destroyable)} does. */
    static void allQuietly(Destroyable... secrets) {
        for (Destroyable secret : secrets) {
            if (secret != null) {
                quietly(secret);
            }
        }
    }
}
