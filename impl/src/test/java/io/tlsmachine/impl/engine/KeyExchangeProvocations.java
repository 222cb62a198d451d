package io.tlsmachine.impl.engine;

import static io.tlsmachine.impl.engine.EngineFixtures.RSA;

import io.tlsmachine.impl.codec.Opaque;
import io.tlsmachine.impl.codec.message.DheClientKeyExchange;
import io.tlsmachine.CipherSuite;
import io.tlsmachine.TlsConfig;
import io.tlsmachine.TlsConfigBuilder;
import io.tlsmachine.impl.crypto.FfdheGroups;
import io.tlsmachine.KeyExchangeGroup;
import io.tlsmachine.model.ProtocolVersion;
import java.math.BigInteger;
import java.util.List;

/** Provokes the failures of TLS 1.2 DHE (RFC 7919) and RSA key transport for the reason coverage test and others. */
final class KeyExchangeProvocations {

    static final CipherSuite DHE = CipherSuite.TLS_DHE_RSA_WITH_AES_128_GCM_SHA256;
    static final CipherSuite KEY_TRANSPORT = CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256;
    static final BigInteger FFDHE2048_P = FfdheGroups.prime(KeyExchangeGroup.FFDHE2048);

    private KeyExchangeProvocations() {
    }

    static TlsConfigBuilder client(CipherSuite... suites) {
        return EngineFixtures.client(RSA).versions(ProtocolVersion.TLS12).cipherSuites(suites);
    }

    static TlsConfigBuilder server(CipherSuite... suites) {
        return EngineFixtures.server(RSA).cipherSuites(suites);
    }

    /**
     * RFC 7919 §4: the client lists only ffdhe3072 and offers only a DHE suite; the server has only ffdhe2048, so it
     * may select no DHE suite and has nothing else: insufficient_security.
     */
    static FailureProvocations.Failure noAcceptableFfdheGroupAndNoOtherSuite() {
        return FailureProvocations.handshakeUntilFailure(
                client(DHE).groups(KeyExchangeGroup.X25519, KeyExchangeGroup.FFDHE3072).build(),
                server(DHE).groups(KeyExchangeGroup.X25519, KeyExchangeGroup.FFDHE2048).build());
    }

    /** RFC 7919 §4: an attacker replaces the client's DHE value with p-1; the server aborts with handshake_failure. */
    static FailureProvocations.Failure clientDhValueOfPMinusOne() {
        return afterClientKeyExchangeReplaced(FFDHE2048_P.subtract(BigInteger.ONE));
    }

    /** Runs a DHE handshake up to the client's second flight and feeds the server that flight with another Yc. */
    static FailureProvocations.Failure afterClientKeyExchangeReplaced(BigInteger yc) {
        EngineFixtures.Pair pair = new EngineFixtures.Pair(client(DHE).build(), server(DHE).build());
        pair.client.beginHandshake();
        pair.server.feed(pair.client.drainOutbound());
        pair.client.feed(pair.server.drainOutbound());
        List<byte[]> flight = new java.util.ArrayList<>(TestRecords.split(pair.client.drainOutbound()));
        byte[] value = yc.toByteArray();
        flight.set(0, Tls12Interceptor.record(new DheClientKeyExchange(Opaque.of(value))));
        pair.server.feed(Tls12Interceptor.join(flight));
        return new FailureProvocations.Failure(pair.server, pair.server.drainOutbound(), pair.client, pair);
    }
}
