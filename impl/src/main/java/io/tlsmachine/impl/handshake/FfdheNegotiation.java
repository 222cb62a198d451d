package io.tlsmachine.impl.handshake;

import io.tlsmachine.impl.codec.Opaque;
import io.tlsmachine.impl.codec.message.DheServerKeyExchange;
import io.tlsmachine.impl.codec.message.KeyExchangeKind;
import io.tlsmachine.impl.codec.types.NamedGroup;
import io.tlsmachine.impl.codec.types.SignatureScheme;
import io.tlsmachine.TlsConfig;
import io.tlsmachine.TlsDefaults;
import io.tlsmachine.impl.crypto.FfdheGroups;
import io.tlsmachine.impl.crypto.FixedLength;
import io.tlsmachine.KeyExchangeGroup;
import io.tlsmachine.impl.crypto.Secret;
import io.tlsmachine.Reason;
import io.tlsmachine.TlsException;
import io.tlsmachine.model.ProtocolVersion;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Negotiates the finite-field group of a TLS 1.2 DHE suite as RFC 7919 asks: which groups a client offers, which one a
 * server picks, which ServerDHParams a client accepts, and the range every public value must lie in.
 */
final class FfdheNegotiation {

    /** RFC 7919 §2: NamedGroup code points 256-511 are the finite-field groups, known to us or not. */
    private static final int FFDHE_FIRST = 0x0100;
    private static final int FFDHE_LAST = 0x01FF;

    private FfdheNegotiation() {
    }

    /** Tells whether {@code config} enables a TLS 1.2 DHE suite. */
    static boolean dheConfigured(TlsConfig config) {
        return config.supports(ProtocolVersion.TLS12) && config.cipherSuites().stream().anyMatch(
                s -> KeyExchangeKind.of(s).orElse(null) == KeyExchangeKind.DHE && SuiteParameters.of(s).isPresent());
    }

    /** Returns the finite-field groups we use for DHE: the configured ones, else RFC 7919's ffdhe2048 and ffdhe3072. */
    static List<KeyExchangeGroup> enabled(TlsConfig config) {
        List<KeyExchangeGroup> configured = config.groups().stream().filter(FfdheGroups::isFfdhe).toList();
        return configured.isEmpty() ? TlsDefaults.FFDHE_GROUPS : configured;
    }

    /**
     * RFC 7919 §3: the groups a client lists in supported_groups, in one extension: the configured groups, and when a
     * DHE suite is enabled and no finite-field group is configured, RFC 7919's groups after them. Without a DHE suite
     * no finite-field group is added.
     */
    static List<KeyExchangeGroup> offered(TlsConfig config) {
        if (!dheConfigured(config) || config.groups().stream().anyMatch(FfdheGroups::isFfdhe)) {
            return config.groups();
        }
        List<KeyExchangeGroup> groups = new ArrayList<>(config.groups());
        groups.addAll(TlsDefaults.FFDHE_GROUPS);
        return List.copyOf(groups);
    }

    /**
     * RFC 7919 §4: the server's group for a DHE suite. A client listing any finite-field code point (256-511, known to
     * us or not) gets one of the groups it listed, our preference first, or none: then no DHE suite may be selected. A
     * client listing none is not RFC 7919-aware and gets our first group.
     */
    static Optional<KeyExchangeGroup> serverChoice(TlsConfig config, List<NamedGroup> clientGroups) {
        boolean clientListsFfdhe = clientGroups.stream().anyMatch(g -> g.code() >= FFDHE_FIRST && g.code() <= FFDHE_LAST);
        List<KeyExchangeGroup> ours = enabled(config);
        if (!clientListsFfdhe) {
            return Optional.of(ours.get(0));
        }
        return ours.stream().filter(g -> clientGroups.contains(Hellos.named(g))).findFirst();
    }

    /** RFC 5246 §7.4.3, RFC 7919 §4: the server's ServerDHParams for {@code group}, not yet signed with {@code scheme}. */
    static DheServerKeyExchange serverParams(KeyExchangeGroup group, byte[] publicValue, SignatureScheme scheme) {
        return new DheServerKeyExchange(Opaque.of(FixedLength.bigEndian(FfdheGroups.prime(group), FfdheGroups.byteLength(group))),
                Opaque.of(FfdheGroups.GENERATOR.toByteArray()), Opaque.of(publicValue), scheme, Opaque.EMPTY);
    }

    /** The DHE group a server sent: one of the RFC 7919 groups we offered ({@code named}), or a custom (p, g). */
    record ServerGroup(KeyExchangeGroup named, BigInteger p, BigInteger g) {
    }

    /** RFC 7919 §3.1, §8.2: the smallest custom group we accept; below it insufficient_security. */
    static final int MINIMUM_CUSTOM_BITS = 2048;

    /**
     * RFC 7919 §3, §3.1: the server's (p, g) is one of the named groups we offered, or else a custom group (the server
     * is not RFC 7919-compatible, or chose a group we did not offer) that our local policy accepts only when p has at
     * least 2048 bits (stricter than §3.1's 768 and 1024, as §8.2 advises) and is a safe prime p = 2q + 1, with
     * 1 &lt; g &lt; p-1: then 1 &lt; Y &lt; p-1 leaves no small subgroup to confine a value to (§5.1). Anything else
     * is insufficient_security.
     */
    static ServerGroup clientCheck(TlsConfig config, DheServerKeyExchange ske) {
        BigInteger p = new BigInteger(1, ske.p().toByteArray());
        BigInteger g = new BigInteger(1, ske.g().toByteArray());
        for (KeyExchangeGroup group : offered(config)) {
            if (FfdheGroups.isFfdhe(group) && FfdheGroups.prime(group).equals(p) && FfdheGroups.GENERATOR.equals(g)) {
                return new ServerGroup(group, p, g);
            }
        }
        if (p.bitLength() < MINIMUM_CUSTOM_BITS) {
            throw TlsException.fatal(Reason.INSUFFICIENT_SECURITY, "the server's custom DHE group has a " + p.bitLength()
                    + "-bit prime, below " + MINIMUM_CUSTOM_BITS);
        }
        if (g.compareTo(BigInteger.ONE) <= 0 || g.compareTo(p.subtract(BigInteger.ONE)) >= 0 || !safePrime(p)) {
            throw TlsException.fatal(Reason.INSUFFICIENT_SECURITY, "the server's custom " + p.bitLength()
                    + "-bit DHE group is not a safe prime with a generator in range");
        }
        return new ServerGroup(null, p, g);
    }

    /** Tells whether p and (p-1)/2 are (probable) primes; the public group's check, nothing secret. */
    private static boolean safePrime(BigInteger p) {
        return p.testBit(0) && p.isProbablePrime(SAFE_PRIME_CERTAINTY)
                && p.shiftRight(1).isProbablePrime(SAFE_PRIME_CERTAINTY);
    }

    private static final int SAFE_PRIME_CERTAINTY = 80;

    /**
     * RFC 7919 §3, §4, §5.1: a peer's public value must lie in 1 &lt; Y &lt; p-1, or the handshake fails with
     * handshake_failure. Returns it left-padded to the length of p, as the key exchange takes it (the peer may omit
     * leading zero bytes).
     */
    static byte[] checkPublicValue(BigInteger p, Opaque value) {
        BigInteger y = new BigInteger(1, value.toByteArray());
        if (y.compareTo(BigInteger.ONE) <= 0 || y.compareTo(p.subtract(BigInteger.ONE)) >= 0) {
            throw TlsException.fatal(Reason.DH_PUBLIC_VALUE_OUT_OF_RANGE, "the peer's DH public value is outside 1 < Y < p-1");
        }
        return FixedLength.bigEndian(y, (p.bitLength() + 7) / 8);
    }

    /** {@link #checkPublicValue(BigInteger, Opaque)} in a named group. */
    static byte[] checkPublicValue(KeyExchangeGroup group, Opaque value) {
        return checkPublicValue(FfdheGroups.prime(group), value);
    }

    /**
     * RFC 5246 §8.1.2: the DHE premaster secret is Z with its leading zero bytes stripped (TLS 1.3 keeps them). Destroys
     * {@code padded}.
     */
    static Secret premaster(Secret padded) {
        byte[] z = padded.bytes();
        int start = 0;
        while (start < z.length - 1 && z[start] == 0) {
            start++;
        }
        Secret stripped = Secret.adopt(Arrays.copyOfRange(z, start, z.length));
        padded.destroy();
        return stripped;
    }
}
