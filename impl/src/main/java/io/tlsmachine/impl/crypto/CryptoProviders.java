package io.tlsmachine.impl.crypto;

import io.tlsmachine.impl.crypto.bc.BouncyCastleCryptoProvider;
import io.tlsmachine.impl.crypto.jdk.JdkCryptoProvider;

/** The crypto providers to choose from: the JDK's, Bouncy Castle's, and the fastest mix of both. */
public final class CryptoProviders {
    private CryptoProviders() {}

    /** Returns the provider built on the JDK's own JCA providers. */
    public static CryptoProvider jdk() {
        return JdkCryptoProvider.INSTANCE;
    }

    /** Returns the provider built on Bouncy Castle's lightweight API. */
    public static CryptoProvider bouncyCastle() {
        return BouncyCastleCryptoProvider.INSTANCE;
    }

    /** Returns the faster implementation of each primitive (for now the JDK's throughout). */
    public static CryptoProvider fastest() {
        return FASTEST;
    }

    private static final CompositeCryptoProvider FASTEST =
            CompositeCryptoProvider.builder("fastest", JdkCryptoProvider.INSTANCE).build();
}
