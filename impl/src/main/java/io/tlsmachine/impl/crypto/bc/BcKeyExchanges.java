package io.tlsmachine.impl.crypto.bc;

import io.tlsmachine.impl.crypto.KeyExchange;
import io.tlsmachine.impl.crypto.KeyExchangeGroup;
import java.security.SecureRandom;

/** Creates the Bouncy Castle key exchange for each group. */
final class BcKeyExchanges {
    private BcKeyExchanges() {}

    static KeyExchange generate(KeyExchangeGroup group, SecureRandom random) {
        return switch (group) {
            case X25519, X448 -> BcXdhKeyExchange.generate(group, random);
            case SECP256R1, SECP384R1 -> BcEcdhKeyExchange.generate(group, random);
            case FFDHE2048, FFDHE3072 -> BcFfdheKeyExchange.generate(group, random);
        };
    }

    static KeyExchange fromPrivate(KeyExchangeGroup group, byte[] privateKey) {
        return switch (group) {
            case X25519, X448 -> BcXdhKeyExchange.fromPrivate(group, privateKey);
            case SECP256R1, SECP384R1 -> BcEcdhKeyExchange.fromPrivate(group, privateKey);
            case FFDHE2048, FFDHE3072 -> BcFfdheKeyExchange.fromPrivate(group, privateKey);
        };
    }
}
