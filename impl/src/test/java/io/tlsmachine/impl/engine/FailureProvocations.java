package io.tlsmachine.impl.engine;

import io.tlsmachine.TlsEngine;
import static io.tlsmachine.impl.engine.EngineFixtures.EC;
import static io.tlsmachine.impl.engine.EngineFixtures.HOST;

import io.tlsmachine.impl.codec.Opaque;
import io.tlsmachine.impl.codec.extension.ApplicationLayerProtocolNegotiation;
import io.tlsmachine.impl.codec.extension.ExtendedMasterSecret;
import io.tlsmachine.impl.codec.extension.Extension;
import io.tlsmachine.impl.codec.extension.KeyShareEntry;
import io.tlsmachine.impl.codec.extension.KeyShareOffer;
import io.tlsmachine.impl.codec.extension.RecordSizeLimit;
import io.tlsmachine.impl.codec.extension.RenegotiationInfo;
import io.tlsmachine.impl.codec.extension.SignatureAlgorithms;
import io.tlsmachine.impl.codec.extension.SupportedVersionsOffer;
import io.tlsmachine.impl.codec.message.ClientHello;
import io.tlsmachine.CipherSuite;
import io.tlsmachine.impl.codec.types.NamedGroup;
import io.tlsmachine.CertificateVerifier;
import io.tlsmachine.ClientAuthPolicy;
import io.tlsmachine.TicketStore;
import io.tlsmachine.TlsConfig;
import io.tlsmachine.KeyExchangeGroup;
import io.tlsmachine.SignatureAlgorithm;
import io.tlsmachine.model.ProtocolVersion;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Ways to make an engine fail for one named reason: crafted peer records, an attacker rewriting the ClientHello,
 * or configurations that cannot agree. Each returns the failed engine and the bytes it sent after failing.
 */
final class FailureProvocations {

    private static final HexFormat HEX = HexFormat.of();

    private FailureProvocations() {
    }

    /** One failed engine, what it sent after the failure, and its peer (null when the bytes were crafted). */
    record Failure(TlsEngine engine, byte[] sent, TlsEngine peer, EngineFixtures.Pair pair) {
    }

    /** Makes an engine fail. */
    @FunctionalInterface
    interface Provocation {
        Failure provoke();
    }

    // ---- Record layer and framing (RFC 8446 §5, §5.1; RFC 5246 §6.2) ----

    static Failure unknownContentType() {
        return serverFed(EngineFixtures.server(EC).build(), HEX.parseHex("6303030002" + "0102"));
    }

    static Failure zeroLengthHandshakeRecord() {
        return serverFed(EngineFixtures.server(EC).build(), HEX.parseHex("1603030000"));
    }

    static Failure changeCipherSpecInsideAFragmentedClientHello() {
        byte[] hello = clientHelloMessage(EngineFixtures.client(EC).build());
        return serverFed(EngineFixtures.server(EC).build(), TestRecords.plaintext(0x16, Arrays.copyOf(hello, 10)), HEX.parseHex("140303000101"));
    }

    /** RFC 8446 §5.1: the start of a message after ClientHello in the record that ends ClientHello's key epoch. */
    static Failure handshakeBytesPendingAtTheServersReadKeyChange() {
        byte[] hello = clientHelloMessage(EngineFixtures.client(EC).build());
        return serverFed(EngineFixtures.server(EC).build(), TestRecords.plaintext(0x16, concat(hello, HEX.parseHex("14000020"))));
    }

    static Failure alertRecordOfThreeBytes() {
        return serverFed(EngineFixtures.server(EC).build(), HEX.parseHex("150303000302" + "2800"));
    }

    static Failure clientHelloWithATrailingByte() {
        byte[] hello = clientHelloMessage(EngineFixtures.client(EC).build());
        byte[] longer = concat(hello, new byte[1]);
        setLength24(longer, 1, hello.length - 4 + 1);
        return serverFed(EngineFixtures.server(EC).build(), TestRecords.plaintext(0x16, longer));
    }

    /** RFC 8446 §4.1.2: legacy_session_id<0..32>; 33 is out of range. */
    static Failure clientHelloWithASessionIdOfThirtyThreeBytes() {
        byte[] hello = clientHelloMessage(EngineFixtures.client(EC).build());
        hello[4 + 2 + 32] = 33;
        return serverFed(EngineFixtures.server(EC).build(), TestRecords.plaintext(0x16, hello));
    }

    static Failure handshakeHeaderDeclaringSixteenMegabytes() {
        return serverFed(EngineFixtures.server(EC).build(), HEX.parseHex("1603030004" + "01ffffff"));
    }

    /** RFC 8446 §5.1: a TLSPlaintext fragment longer than 2^14. */
    static Failure plaintextRecordLongerThanTwoToTheFourteen() {
        return serverFed(EngineFixtures.server(EC).build(), concat(HEX.parseHex("1603034001"), new byte[(1 << 14) + 1]));
    }

    static Failure tamperedServerFlight() {
        EngineFixtures.Pair pair = pair(EngineFixtures.client(EC).build(), EngineFixtures.server(EC).build());
        pair.client.beginHandshake();
        pair.server.feed(pair.client.drainOutbound());
        byte[] flight = pair.server.drainOutbound();
        flight[flight.length - 1] ^= 0x01;
        pair.client.feed(flight);
        return new Failure(pair.client, pair.client.drainOutbound(), pair.server, pair);
    }

    static Failure serverHelloDoneWhileWaitingForServerHello() {
        return clientWaitingForServerHelloFed(HEX.parseHex("16030300040e000000"));
    }

    static Failure fatalAlertFromThePeer() {
        return clientWaitingForServerHelloFed(HEX.parseHex("150303000202" + "28"));
    }

    /** RFC 8446 §4.2.10: after a HelloRetryRequest the server skips clear early data, but not without bound. */
    static Failure rejectedEarlyDataBeyondTheBound() {
        EngineFixtures.Pair pair = RejectedEarlyDataTest.afterClientHelloOfferingEarlyData(true);
        pair.server.feed(RejectedEarlyDataTest.earlyDataRecords(20));
        return new Failure(pair.server, pair.server.drainOutbound(), null, pair);
    }

    // ---- ClientHello contents (RFC 8446 §4.1.2, §4.2) ----

    static Failure clientHelloWithADuplicatedExtension() {
        return afterRewrittenClientHello(EngineFixtures.client(EC).build(), EngineFixtures.server(EC).build(), hello -> {
            List<Extension> extensions = new ArrayList<>(hello.extensions());
            extensions.add(0, extensions.get(0));
            return withExtensions(hello, extensions);
        });
    }

    static Failure tls13ClientHelloWithoutSignatureAlgorithms() {
        return afterRewrittenClientHello(EngineFixtures.client(EC).build(), EngineFixtures.server(EC).build(),
                hello -> EngineFixtures.withoutExtensions(hello, e -> e instanceof SignatureAlgorithms, null));
    }

    /** RFC 8446 §4.1.2: a TLS 1.3 ClientHello's legacy_compression_methods must be exactly the null method. */
    static Failure tls13ClientHelloWithDeflate() {
        return afterRewrittenClientHello(EngineFixtures.client(EC).build(), EngineFixtures.server(EC).build(),
                hello -> new ClientHello(hello.legacyVersion(), hello.random(), hello.legacySessionId(), hello.cipherSuites(),
                        Opaque.ofUnsigned(1, 0), hello.extensions()));
    }

    /** RFC 8446 §4.2.8.2: an uncompressed P-256 point that is not on the curve. */
    static Failure keyShareOffCurve() {
        byte[] point = new byte[65];
        Arrays.fill(point, (byte) 1);
        point[0] = 4;
        return afterRewrittenClientHello(
                EngineFixtures.client(EC).groups(KeyExchangeGroup.SECP256R1).keyShareGroups(KeyExchangeGroup.SECP256R1).build(),
                EngineFixtures.server(EC).build(),
                hello -> withExtensions(hello, hello.extensions().stream()
                        .map(e -> e instanceof KeyShareOffer
                                ? (Extension) new KeyShareOffer(List.of(new KeyShareEntry(NamedGroup.SECP256R1, Opaque.of(point))))
                                : e)
                        .toList()));
    }

    /** RFC 8446 §4.1.3: a TLS 1.3 client sees the TLS 1.2 sentinel after an attacker removed supported_versions. */
    static Failure supportedVersionsStrippedByAnAttacker() {
        return afterRewrittenClientHello(EngineFixtures.client(EC).build(), EngineFixtures.server(EC).build(),
                hello -> EngineFixtures.withoutExtensions(hello, e -> e instanceof SupportedVersionsOffer, null));
    }

    static Failure tls12ClientHelloWithoutExtendedMasterSecret() {
        return afterRewrittenClientHello(EngineFixtures.client(EC).versions(ProtocolVersion.TLS12).build(),
                EngineFixtures.server(EC).extendedMasterSecretRequired(true).build(),
                hello -> EngineFixtures.withoutExtensions(hello, e -> e instanceof ExtendedMasterSecret, null));
    }

    /** RFC 7507 §3: TLS_FALLBACK_SCSV from a client indicating TLS 1.2, to a server whose highest is TLS 1.3. */
    static Failure tls12ClientHelloWithFallbackScsv() {
        return afterRewrittenClientHello(EngineFixtures.client(EC).versions(ProtocolVersion.TLS12).build(),
                EngineFixtures.server(EC).build(), hello -> {
                    List<CipherSuite> suites = new ArrayList<>(hello.cipherSuites());
                    suites.add(CipherSuite.TLS_FALLBACK_SCSV);
                    return new ClientHello(hello.legacyVersion(), hello.random(), hello.legacySessionId(), suites,
                            hello.legacyCompressionMethods(), hello.extensions());
                });
    }

    static Failure tls12ClientHelloWithoutRenegotiationInfo() {
        return afterRewrittenClientHello(EngineFixtures.client(EC).versions(ProtocolVersion.TLS12).build(),
                EngineFixtures.server(EC).secureRenegotiationRequired(true).build(),
                hello -> EngineFixtures.withoutExtensions(hello, e -> e instanceof RenegotiationInfo, null));
    }

    /** RFC 7627 §5.3: a ClientHello offering a session that used EMS, without the extension. */
    static Failure tls12ResumptionWithoutExtendedMasterSecret() {
        TicketStore store = new TicketStore();
        TlsConfig server = EngineFixtures.server(EC).ticketsEnabled(true).build();
        pair(EngineFixtures.client(EC).versions(ProtocolVersion.TLS12).ticketStore(store).build(), server).handshake();
        return afterRewrittenClientHello(EngineFixtures.client(EC).versions(ProtocolVersion.TLS12).ticketStore(store).build(),
                server, hello -> EngineFixtures.withoutExtensions(hello, e -> e instanceof ExtendedMasterSecret, null));
    }

    /** Without extended master secret only Finished notices a changed session id (RFC 5246 §7.4.9). */
    static Failure tls12TranscriptChangedWithoutExtendedMasterSecret() {
        return afterRewrittenClientHello(
                EngineFixtures.client(EC).versions(ProtocolVersion.TLS12).extendedMasterSecretRequired(false).build(),
                EngineFixtures.server(EC).extendedMasterSecretRequired(false).build(),
                hello -> EngineFixtures.withoutExtensions(hello, e -> e instanceof ExtendedMasterSecret, Opaque.of(new byte[32])));
    }

    /**
     * RFC 7301 §3.2: the client offered ALPN "h2" only; an attacker adds "x" to its list, which the (TLS 1.2,
     * plaintext) ServerHello selects. An ALPN answer the client never asked for at all is unsupported_extension
     * (the extension table); this one answers the extension with a protocol it did not offer.
     */
    static Failure alpnProtocolSelectedThatTheClientNeverOffered() {
        Extension offered = new ApplicationLayerProtocolNegotiation(List.of(Opaque.of("h2".getBytes(StandardCharsets.US_ASCII)),
                Opaque.of("x".getBytes(StandardCharsets.US_ASCII))));
        return afterRewrittenClientHello(EngineFixtures.client(EC).versions(ProtocolVersion.TLS12).applicationProtocols("h2").build(),
                EngineFixtures.server(EC).applicationProtocols("x").build(), hello -> withExtensions(hello,
                        hello.extensions().stream().map(e -> e instanceof ApplicationLayerProtocolNegotiation ? offered : e).toList()));
    }

    /** RFC 8449 §4, RFC 5246 §7.4.1.4: an attacker adds record_size_limit, so the ServerHello answers an unsent offer. */
    static Failure recordSizeLimitAnsweredThatTheClientNeverOffered() {
        return afterRewrittenClientHello(EngineFixtures.client(EC).versions(ProtocolVersion.TLS12).build(),
                EngineFixtures.server(EC).build(), hello -> {
                    List<Extension> extensions = new ArrayList<>(hello.extensions());
                    extensions.add(new RecordSizeLimit(512));
                    return withExtensions(hello, extensions);
                });
    }

    /** RFC 8446 §4.1.4: the second ClientHello replays the first, whose share is not for the group the HRR named. */
    static Failure firstClientHelloReplayedAfterHelloRetryRequest() {
        EngineFixtures.Pair pair = pair(
                EngineFixtures.client(EC).groups(KeyExchangeGroup.X25519, KeyExchangeGroup.SECP256R1)
                        .keyShareGroups(KeyExchangeGroup.X25519).build(),
                EngineFixtures.server(EC).groups(KeyExchangeGroup.SECP256R1).build());
        pair.client.beginHandshake();
        byte[] first = pair.client.drainOutbound();
        pair.server.feed(first);
        pair.client.feed(pair.server.drainOutbound());
        pair.client.drainOutbound();
        pair.server.feed(first);
        return new Failure(pair.server, pair.server.drainOutbound(), pair.client, pair);
    }

    /** RFC 8446 §4.2.11: a resumption ClientHello whose last binder byte was changed. */
    static Failure resumptionWithATamperedBinder() {
        TicketStore store = new TicketStore();
        TlsConfig client = EngineFixtures.client(EC).ticketStore(store).build();
        TlsConfig server = EngineFixtures.server(EC).ticketsEnabled(true).build();
        pair(client, server).handshake();
        if (!store.has(HOST)) {
            throw new AssertionError("the first connection left no ticket to resume with");
        }
        EngineFixtures.Pair pair = pair(client, server);
        pair.client.beginHandshake();
        byte[] hello = pair.client.drainOutbound();
        hello[hello.length - 1] ^= 0x01;
        pair.server.feed(hello);
        return new Failure(pair.server, pair.server.drainOutbound(), pair.client, pair);
    }

    // ---- Configurations that cannot agree (RFC 8446 §4.1.1, §9.3) ----

    static Failure tls12OnlyClientAgainstTls13OnlyServer() {
        return handshakeUntilFailure(EngineFixtures.client(EC).versions(ProtocolVersion.TLS12).build(),
                EngineFixtures.server(EC).versions(ProtocolVersion.TLS13).build());
    }

    static Failure noCommonCipherSuite() {
        return handshakeUntilFailure(EngineFixtures.client(EC).versions(ProtocolVersion.TLS12)
                .cipherSuites(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256).build(), EngineFixtures.server(EC).build());
    }

    static Failure noCommonGroup() {
        return handshakeUntilFailure(
                EngineFixtures.client(EC).groups(KeyExchangeGroup.X25519).keyShareGroups(KeyExchangeGroup.X25519).build(),
                EngineFixtures.server(EC).groups(KeyExchangeGroup.SECP256R1).build());
    }

    static Failure clientAcceptsOnlyRsaSignaturesFromAnEcServer() {
        return handshakeUntilFailure(EngineFixtures.client(EC).signatureSchemes(SignatureAlgorithm.RSA_PSS_RSAE_SHA256).build(),
                EngineFixtures.server(EC).build());
    }

    static Failure noCommonApplicationProtocol() {
        return handshakeUntilFailure(EngineFixtures.client(EC).applicationProtocols("a").build(),
                EngineFixtures.server(EC).applicationProtocols("b").build());
    }

    static Failure requiredClientCertificateMissing() {
        return handshakeUntilFailure(EngineFixtures.client(EC).build(),
                EngineFixtures.server(EC).clientAuth(ClientAuthPolicy.REQUIRE)
                        .certificateVerifier(CertificateVerifier.pkix(EC.anchors())).build());
    }

    // ---- Helpers ----

    private static EngineFixtures.Pair pair(TlsConfig client, TlsConfig server) {
        return new EngineFixtures.Pair(client, server);
    }

    private static Failure serverFed(TlsConfig server, byte[]... records) {
        EngineFixtures.Pair pair = pair(EngineFixtures.client(EC).build(), server);
        for (byte[] record : records) {
            pair.server.feed(record);
        }
        return new Failure(pair.server, pair.server.drainOutbound(), null, pair);
    }

    private static Failure clientWaitingForServerHelloFed(byte[] bytes) {
        EngineFixtures.Pair pair = pair(EngineFixtures.client(EC).build(), EngineFixtures.server(EC).build());
        pair.client.beginHandshake();
        pair.client.drainOutbound();
        pair.client.feed(bytes);
        return new Failure(pair.client, pair.client.drainOutbound(), null, pair);
    }

    private static Failure afterRewrittenClientHello(TlsConfig client, TlsConfig server, UnaryOperator<ClientHello> rewrite) {
        EngineFixtures.Pair pair = pair(client, server);
        pair.client.beginHandshake();
        pair.server.feed(EngineFixtures.rewriteClientHello(pair.client.drainOutbound(), rewrite));
        return untilFailure(pair);
    }

    static Failure handshakeUntilFailure(TlsConfig client, TlsConfig server) {
        EngineFixtures.Pair pair = pair(client, server);
        pair.client.beginHandshake();
        return untilFailure(pair);
    }

    /** Moves bytes both ways until one engine fails; returns it with exactly what it sent from then on. */
    private static Failure untilFailure(EngineFixtures.Pair pair) {
        for (int round = 0; round < 16; round++) {
            if (pair.server.isFailed()) {
                return new Failure(pair.server, pair.server.drainOutbound(), pair.client, pair);
            }
            byte[] toServer = pair.client.drainOutbound();
            if (toServer.length > 0) {
                pair.server.feed(toServer);
            }
            if (pair.server.isFailed()) {
                return new Failure(pair.server, pair.server.drainOutbound(), pair.client, pair);
            }
            byte[] toClient = pair.server.drainOutbound();
            if (toClient.length > 0) {
                pair.client.feed(toClient);
            }
            if (pair.client.isFailed()) {
                return new Failure(pair.client, pair.client.drainOutbound(), pair.server, pair);
            }
            if (toServer.length == 0 && toClient.length == 0) {
                break;
            }
        }
        throw new AssertionError("neither engine failed: client " + pair.client.state() + ", server " + pair.server.state());
    }

    private static byte[] clientHelloMessage(TlsConfig client) {
        TlsEngine engine = TlsEngine.client(client);
        engine.beginHandshake();
        byte[] record = engine.drainOutbound();
        return Arrays.copyOfRange(record, 5, 5 + (((record[3] & 0xFF) << 8) | (record[4] & 0xFF)));
    }

    private static ClientHello withExtensions(ClientHello hello, List<Extension> extensions) {
        return new ClientHello(hello.legacyVersion(), hello.random(), hello.legacySessionId(), hello.cipherSuites(),
                hello.legacyCompressionMethods(), extensions);
    }

    private static void setLength24(byte[] bytes, int offset, int length) {
        bytes[offset] = (byte) (length >>> 16);
        bytes[offset + 1] = (byte) (length >>> 8);
        bytes[offset + 2] = (byte) length;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }
}
