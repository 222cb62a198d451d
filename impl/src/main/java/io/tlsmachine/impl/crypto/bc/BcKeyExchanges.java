package io.tlsmachine.impl.crypto.bc;

import io.tlsmachine.impl.crypto.KemInitiator;
import io.tlsmachine.impl.crypto.KemResponder;
import io.tlsmachine.impl.crypto.KeyExchange;
import io.tlsmachine.KeyExchangeGroup;
import java.security.SecureRandom;

/** Creates the Bouncy Castle key exchange for each group. */
final class BcKeyExchanges {
    private BcKeyExchanges() {}

    static KeyExchange generate(KeyExchangeGroup group, SecureRandom random) {
        return switch (group) {
            case X25519, X448 -> BcXdhKeyExchange.generate(group, random);
            case SECP256R1, SECP384R1, SECP521R1 -> BcEcdhKeyExchange.generate(group, random);
            case FFDHE2048, FFDHE3072 -> BcFfdheKeyExchange.generate(group, random);
            case X25519MLKEM768, SECP256R1MLKEM768, SECP384R1MLKEM1024, MLKEM768, MLKEM1024 ->
                    KemInitiator.generate(group, BcMlKem.INSTANCE, BouncyCastleCryptoProvider.INSTANCE, random);
        };
    }

    static KeyExchange fromPrivate(KeyExchangeGroup group, byte[] privateKey) {
        return switch (group) {
            case X25519, X448 -> BcXdhKeyExchange.fromPrivate(group, privateKey);
            case SECP256R1, SECP384R1, SECP521R1 -> BcEcdhKeyExchange.fromPrivate(group, privateKey);
            case FFDHE2048, FFDHE3072 -> BcFfdheKeyExchange.fromPrivate(group, privateKey);
            case X25519MLKEM768, SECP256R1MLKEM768, SECP384R1MLKEM1024, MLKEM768, MLKEM1024 ->
                    KemInitiator.fromPrivate(group, BcMlKem.INSTANCE, BouncyCastleCryptoProvider.INSTANCE, privateKey);
        };
    }

    /** The server's side: a KEM group encapsulates in agree(); a Diffie-Hellman group is the same as the client's. */
    static KeyExchange respond(KeyExchangeGroup group, SecureRandom random) {
        return group.isKem() ? KemResponder.start(group, BcMlKem.INSTANCE, BouncyCastleCryptoProvider.INSTANCE, random) : generate(group, random);
    }
}
