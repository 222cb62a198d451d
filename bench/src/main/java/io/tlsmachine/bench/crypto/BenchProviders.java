package io.tlsmachine.bench.crypto;

import io.tlsmachine.impl.crypto.CryptoProvider;
import io.tlsmachine.impl.crypto.providers.CryptoProviders;

/** Looks up the provider a benchmark's {@code provider} parameter names. */
final class BenchProviders {
    private BenchProviders() {}

    static CryptoProvider byName(String name) {
        return switch (name) {
            case "jdk" -> CryptoProviders.jdk();
            case "bc" -> CryptoProviders.bouncyCastle();
            case "fastest" -> CryptoProviders.fastest();
            default -> throw new IllegalArgumentException("unknown provider " + name);
        };
    }
}
