package io.tlsmachine.impl.crypto.jdk;

import io.tlsmachine.impl.crypto.KemInitiator;
import io.tlsmachine.impl.crypto.KemResponder;
import io.tlsmachine.impl.crypto.KeyExchange;
import io.tlsmachine.KeyExchangeGroup;
import java.security.SecureRandom;

/** Creates the JDK key exchange for each group. */
final class JdkKeyExchanges {
    private JdkKeyExchanges() {}

    static KeyExchange generate(KeyExchangeGroup group, SecureRandom random) {
        return switch (group) {
            case X25519, X448 -> JdkXdhKeyExchange.generate(group, random);
            case SECP256R1, SECP384R1, SECP521R1 -> JdkEcdhKeyExchange.generate(group, random);
            case FFDHE2048, FFDHE3072 -> JdkFfdheKeyExchange.generate(group, random);
            case X25519MLKEM768, SECP256R1MLKEM768, SECP384R1MLKEM1024, MLKEM768, MLKEM1024 ->
                    KemInitiator.generate(group, JcaMlKem.INSTANCE, JdkCryptoProvider.INSTANCE, random);
        };
    }

    static KeyExchange fromPrivate(KeyExchangeGroup group, byte[] privateKey) {
        return switch (group) {
            case X25519, X448 -> JdkXdhKeyExchange.fromPrivate(group, privateKey);
            case SECP256R1, SECP384R1, SECP521R1 -> JdkEcdhKeyExchange.fromPrivate(group, privateKey);
            case FFDHE2048, FFDHE3072 -> JdkFfdheKeyExchange.fromPrivate(group, privateKey);
            case X25519MLKEM768, SECP256R1MLKEM768, SECP384R1MLKEM1024, MLKEM768, MLKEM1024 ->
                    KemInitiator.fromPrivate(group, JcaMlKem.INSTANCE, JdkCryptoProvider.INSTANCE, privateKey);
        };
    }

    /** The server's side: a KEM group encapsulates in agree(); a Diffie-Hellman group is the same as the client's. */
    static KeyExchange respond(KeyExchangeGroup group, SecureRandom random) {
        return group.isKem() ? KemResponder.start(group, JcaMlKem.INSTANCE, JdkCryptoProvider.INSTANCE, random) : generate(group, random);
    }
}
