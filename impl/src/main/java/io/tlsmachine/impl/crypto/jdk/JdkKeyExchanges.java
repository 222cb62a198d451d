package io.tlsmachine.impl.crypto.jdk;

import io.tlsmachine.impl.crypto.KeyExchange;
import io.tlsmachine.impl.crypto.KeyExchangeGroup;
import java.security.SecureRandom;

/** Creates the JDK key exchange for each group. */
final class JdkKeyExchanges {
    private JdkKeyExchanges() {}

    static KeyExchange generate(KeyExchangeGroup group, SecureRandom random) {
        return switch (group) {
            case X25519, X448 -> JdkXdhKeyExchange.generate(group, random);
            case SECP256R1, SECP384R1 -> JdkEcdhKeyExchange.generate(group, random);
            case FFDHE2048, FFDHE3072 -> JdkFfdheKeyExchange.generate(group, random);
        };
    }

    static KeyExchange fromPrivate(KeyExchangeGroup group, byte[] privateKey) {
        return switch (group) {
            case X25519, X448 -> JdkXdhKeyExchange.fromPrivate(group, privateKey);
            case SECP256R1, SECP384R1 -> JdkEcdhKeyExchange.fromPrivate(group, privateKey);
            case FFDHE2048, FFDHE3072 -> JdkFfdheKeyExchange.fromPrivate(group, privateKey);
        };
    }
}
