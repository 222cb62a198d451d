package io.tlsmachine.impl.crypto;

import io.tlsmachine.KeyExchangeGroup;
import java.security.SecureRandom;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * A crypto provider built on one library, whose key exchanges it creates for each group: which family a group belongs
 * to (X25519/X448, RFC 7748; the NIST curves, RFC 8422; the RFC 7919 finite fields; ML-KEM and its hybrids) is decided
 * here once; each library gives its implementation of each family and its ML-KEM, and computes the hybrids' classical
 * half itself.
 */
public abstract class LibraryCryptoProvider implements CryptoProvider {

    /** One family's implementation in a library: a fresh key pair, or one from a known private key. */
    public record Family(BiFunction<KeyExchangeGroup, SecureRandom, ? extends KeyExchange> generate,
            BiFunction<KeyExchangeGroup, byte[], ? extends KeyExchange> fromPrivate) {
    }

    private final Family xdh;
    private final Family ecdh;
    private final Family ffdhe;
    private final Supplier<MlKem> mlKem;

    /**
     * The families of one library; {@code mlKem} is asked for on first use (so a library's ML-KEM loads only when a KEM
     * group is used).
     */
    protected LibraryCryptoProvider(Family xdh, Family ecdh, Family ffdhe, Supplier<MlKem> mlKem) {
        this.xdh = xdh;
        this.ecdh = ecdh;
        this.ffdhe = ffdhe;
        this.mlKem = mlKem;
    }

    /** The client's side: a fresh key pair (a KEM group's decapsulation key). */
    @Override
    public final KeyExchange generateKeyExchange(KeyExchangeGroup group, SecureRandom random) {
        Family family = family(group);
        return family == null ? KemInitiator.generate(group, mlKem.get(), this, random)
                : family.generate().apply(group, random);
    }

    /** A key exchange from a known private key (test vectors). */
    @Override
    public final KeyExchange keyExchangeFromPrivate(KeyExchangeGroup group, byte[] privateKey) {
        Family family = family(group);
        return family == null ? KemInitiator.fromPrivate(group, mlKem.get(), this, privateKey)
                : family.fromPrivate().apply(group, privateKey);
    }

    /** The server's side: a KEM group encapsulates in agree(); a Diffie-Hellman group is the same as the client's. */
    @Override
    public final KeyExchange respondKeyExchange(KeyExchangeGroup group, SecureRandom random) {
        return group.isKem() ? KemResponder.start(group, mlKem.get(), this, random) : generateKeyExchange(group, random);
    }

    /** The Diffie-Hellman family of {@code group}; null for a KEM group (ML-KEM alone or a hybrid). */
    private Family family(KeyExchangeGroup group) {
        return switch (group) {
            case X25519, X448 -> xdh;
            case SECP256R1, SECP384R1, SECP521R1 -> ecdh;
            case FFDHE2048, FFDHE3072 -> ffdhe;
            case X25519MLKEM768, SECP256R1MLKEM768, SECP384R1MLKEM1024, MLKEM768, MLKEM1024 -> null;
        };
    }
}
