package io.tlsmachine.impl.engine;

import io.tlsmachine.TlsEngine;
import static io.tlsmachine.impl.engine.EngineFixtures.EC;
import static io.tlsmachine.impl.engine.HostileHellos.assertAnswered;
import static io.tlsmachine.impl.engine.HostileHellos.assertRejected;
import static io.tlsmachine.impl.engine.HostileHellos.serverAfter;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.impl.codec.Opaque;
import io.tlsmachine.impl.codec.extension.KeyShareOffer;
import io.tlsmachine.impl.codec.extension.SignatureAlgorithms;
import io.tlsmachine.impl.codec.extension.SupportedGroups;
import io.tlsmachine.impl.codec.extension.SupportedVersionSelected;
import io.tlsmachine.impl.codec.extension.SupportedVersionsOffer;
import io.tlsmachine.impl.codec.message.ClientHello;
import io.tlsmachine.impl.codec.message.HelloRetryRequest;
import io.tlsmachine.impl.codec.message.ServerHello;
import io.tlsmachine.AlertDescription;
import io.tlsmachine.CipherSuite;
import io.tlsmachine.Reason;
import io.tlsmachine.model.ProtocolVersion;
import io.tlsmachine.impl.codec.types.VersionCode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * A server holds the ClientHello's version, fallback, compression and key-share fields to the RFCs: each case is
 * our real client's ClientHello changed in one field, and asserts the exact alert (or the handshake that follows).
 */
class ClientHelloConformanceTest {

    private static final VersionCode SSL30 =
            new VersionCode(0x0300);
    private static final VersionCode TLS10 =
            new VersionCode(0x0301);
    private static final VersionCode TLS12 =
            VersionCode.TLS12;
    private static final VersionCode TLS13 =
            VersionCode.TLS13;

    // ---- RFC 7507 §3: TLS_FALLBACK_SCSV ----

    /**
     * RFC 7507 §3: "If TLS_FALLBACK_SCSV appears in ClientHello.cipher_suites and the highest protocol version
     * supported by the server is higher than the version indicated by the client, the server MUST respond with a
     * fatal inappropriate_fallback alert."
     */
    @Test
    void fallbackScsvFromATls12ClientToATls13ServerIsInappropriateFallback() {
        TlsEngine server = afterOurTls12ClientHello(ClientHelloConformanceTest::withFallbackScsv);
        assertRejected(server, Reason.INAPPROPRIATE_FALLBACK, AlertDescription.INAPPROPRIATE_FALLBACK);
    }

    /** RFC 7507 §3: the SCSV alone is no failure when the client's version is the server's highest. */
    @Test
    void fallbackScsvFromATls12ClientToATls12ServerIsATls12Handshake() {
        TlsEngine server = serverAfter(EngineFixtures.client(EC).versions(ProtocolVersion.TLS12).build(),
                EngineFixtures.server(EC).versions(ProtocolVersion.TLS12).build(),
                ClientHelloConformanceTest::withFallbackScsv);
        assertThat(assertAnswered(server).legacyVersion()).isEqualTo(TLS12);
    }

    /** RFC 7507 §3 with RFC 8446 §4.2.1: a client indicating TLS 1.3 in supported_versions has not fallen back. */
    @Test
    void fallbackScsvFromATls13ClientIsATls13Handshake() {
        TlsEngine server = afterOurClientHello(ClientHelloConformanceTest::withFallbackScsv);
        assertThat(selectedVersion(assertAnswered(server))).isEqualTo(TLS13);
    }

    // ---- RFC 8446 Appendix D.5 and §4.2.1: versions ----

    /**
     * RFC 8446 Appendix D.5: "Any endpoint receiving a Hello message with ClientHello.legacy_version or
     * ServerHello.legacy_version set to 0x0300 MUST abort the handshake with a "protocol_version" alert."
     */
    @Test
    void legacyVersionSsl30OfferingTls13IsProtocolVersion() {
        TlsEngine server = afterOurClientHello(hello -> withLegacyVersion(hello, SSL30));
        assertRejected(server, Reason.PROTOCOL_VERSION_UNSUPPORTED, AlertDescription.PROTOCOL_VERSION);
    }

    /** RFC 8446 Appendix D.5, below 0x0300 too (no SSL 2 record or hello is accepted). */
    @Test
    void legacyVersionBelowSsl30OfferingTls13IsProtocolVersion() {
        TlsEngine server = afterOurClientHello(
                hello -> withLegacyVersion(hello, new VersionCode(0x0200)));
        assertRejected(server, Reason.PROTOCOL_VERSION_UNSUPPORTED, AlertDescription.PROTOCOL_VERSION);
    }

    /** RFC 8446 Appendix D.5: 0x0301 is no failure; supported_versions decides (TLS 1.3 here). */
    @Test
    void legacyVersionTls10OfferingTls13IsATls13Handshake() {
        TlsEngine server = afterOurClientHello(hello -> withLegacyVersion(hello, TLS10));
        assertThat(selectedVersion(assertAnswered(server))).isEqualTo(TLS13);
    }

    /**
     * RFC 8446 §4.2.1: "If this extension is present in the ClientHello, servers MUST NOT use the
     * ClientHello.legacy_version value for version negotiation and MUST use only the "supported_versions" extension
     * to determine client preferences." ... "If the server does not support any of the versions offered, it MUST
     * abort with a "protocol_version" alert" (RFC 8446 §4.2.1 with §6.2).
     */
    @Test
    void supportedVersionsListingOnlySsl30IsProtocolVersionAlthoughLegacyVersionIsTls12() {
        TlsEngine server = afterOurClientHello(
                hello -> HostileHellos.replacing(hello, e -> e instanceof SupportedVersionsOffer,
                        new SupportedVersionsOffer(List.of(SSL30))));
        assertRejected(server, Reason.PROTOCOL_VERSION_UNSUPPORTED, AlertDescription.PROTOCOL_VERSION);
    }

    /** RFC 8446 §4.2.1: a supported_versions of unknown and old versions only is protocol_version too. */
    @Test
    void supportedVersionsListingOnlyUnknownVersionsIsProtocolVersion() {
        TlsEngine server = afterOurClientHello(
                hello -> HostileHellos.replacing(hello, e -> e instanceof SupportedVersionsOffer,
                        new SupportedVersionsOffer(List.of(new VersionCode(0x0A0A),
                                TLS10))));
        assertRejected(server, Reason.PROTOCOL_VERSION_UNSUPPORTED, AlertDescription.PROTOCOL_VERSION);
    }

    /** RFC 8446 §4.2.1: supported_versions listing TLS 1.2 alone gives TLS 1.2, whatever legacy_version says. */
    @Test
    void supportedVersionsListingOnlyTls12IsATls12Handshake() {
        TlsEngine server = afterOurTls12ClientHello(
                hello -> withLegacyVersion(HostileHellos.withExtensions(hello, withAlso(hello,
                        new SupportedVersionsOffer(List.of(TLS12)))), TLS10));
        ServerHello answer = assertAnswered(server);
        assertThat(answer.legacyVersion()).isEqualTo(TLS12);
        assertThat(answer.extension(SupportedVersionSelected.class)).isEmpty();
    }

    /**
     * RFC 8446 §4.2.1: "If the "supported_versions" extension is absent and the server only supports versions
     * greater than ClientHello.legacy_version, the server MUST abort the handshake with a "protocol_version" alert."
     */
    @Test
    void noSupportedVersionsAndLegacyVersionTls10IsProtocolVersion() {
        TlsEngine server = afterOurTls12ClientHello(hello -> withLegacyVersion(hello, TLS10));
        assertRejected(server, Reason.PROTOCOL_VERSION_UNSUPPORTED, AlertDescription.PROTOCOL_VERSION);
    }

    // ---- RFC 8446 §9.2: mandatory-to-implement extensions ----

    /**
     * RFC 8446 §9.2: "If containing a "supported_groups" extension, it MUST also contain a "key_share" extension,
     * and vice versa." ... "Servers receiving a ClientHello which does not conform to these requirements MUST abort
     * the handshake with a "missing_extension" alert."
     */
    @Test
    void supportedGroupsWithoutKeyShareIsMissingExtensionNotAHelloRetryRequest() {
        assertMissingExtensionWithout(e -> e instanceof KeyShareOffer);
    }

    /** RFC 8446 §9.2, "and vice versa": key_share without supported_groups is missing_extension. */
    @Test
    void keyShareWithoutSupportedGroupsIsMissingExtension() {
        assertMissingExtensionWithout(e -> e instanceof SupportedGroups);
    }

    /**
     * RFC 8446 §9.2: "If not containing a "pre_shared_key" extension, it MUST contain both a "signature_algorithms"
     * extension and a "supported_groups" extension."
     */
    @Test
    void noSignatureAlgorithmsAndNoPskIsMissingExtension() {
        assertMissingExtensionWithout(e -> e instanceof SignatureAlgorithms);
    }

    /** RFC 8446 §9.2: neither supported_groups nor key_share, and no PSK, is missing_extension too. */
    @Test
    void noGroupsNoKeyShareAndNoPskIsMissingExtension() {
        assertMissingExtensionWithout(e -> e instanceof SupportedGroups || e instanceof KeyShareOffer);
    }

    /** RFC 8446 §9.2: "An empty KeyShare.client_shares vector is permitted": a HelloRetryRequest follows. */
    @Test
    void anEmptyKeyShareListGetsAHelloRetryRequest() {
        TlsEngine server = afterOurClientHello(
                hello -> HostileHellos.replacing(hello, e -> e instanceof KeyShareOffer, new KeyShareOffer(List.of())));
        assertThat(HostileHellos.assertAnsweredWith(server)).isInstanceOf(HelloRetryRequest.class);
    }

    // ---- RFC 5246 §7.4.1.2: compression ----

    /**
     * RFC 5246 §7.4.1.2: compression_methods "MUST contain, and all implementations MUST support,
     * CompressionMethod.null"; a list without it is a field out of range, and RFC 5246 §7.2.2 names the alert for
     * that: "illegal_parameter: A field in the handshake was out of range or inconsistent with other fields."
     */
    @Test
    void tls12CompressionMethodsWithoutNullIsIllegalParameter() {
        TlsEngine server = afterOurTls12ClientHello(hello -> withCompression(hello, Opaque.ofUnsigned(1)));
        assertRejected(server, Reason.ILLEGAL_PARAMETER, AlertDescription.ILLEGAL_PARAMETER);
    }

    /**
     * RFC 8446 §4.1.2: "If a TLS 1.3 ClientHello is received with any other value in this field, the server MUST
     * abort the handshake with an "illegal_parameter" alert" (deflate and null is another value).
     */
    @Test
    void tls13CompressionMethodsOtherThanNullAloneIsIllegalParameter() {
        TlsEngine server = afterOurClientHello(hello -> withCompression(hello, Opaque.ofUnsigned(1, 0)));
        assertRejected(server, Reason.ILLEGAL_PARAMETER, AlertDescription.ILLEGAL_PARAMETER);
    }

    /** RFC 5246 §7.4.1.3: deflate and null offered, null is selected (ServerHello.compression_method 0). */
    @Test
    void tls12CompressionMethodsWithDeflateAndNullSelectsNull() {
        TlsEngine server = afterOurTls12ClientHello(hello -> withCompression(hello, Opaque.ofUnsigned(1, 0)));
        assertThat(assertAnswered(server).legacyCompressionMethod()).isZero();
    }

    /** RFC 8446 §9.2: the server that read our ClientHello without the extensions {@code drop} accepts refuses it. */
    private static void assertMissingExtensionWithout(Predicate<io.tlsmachine.impl.codec.extension.Extension> drop) {
        assertRejected(afterOurClientHello(hello -> HostileHellos.without(hello, drop)), Reason.MISSING_EXTENSION,
                AlertDescription.MISSING_EXTENSION);
    }

    /** The default server after it read our default client's ClientHello (TLS 1.3 and 1.2) as {@code rewrite} left it. */
    private static TlsEngine afterOurClientHello(UnaryOperator<ClientHello> rewrite) {
        return serverAfter(EngineFixtures.client(EC).build(), EngineFixtures.server(EC).build(), rewrite);
    }

    /** The default server after it read the ClientHello of our client offering only TLS 1.2, as {@code rewrite} left it. */
    private static TlsEngine afterOurTls12ClientHello(UnaryOperator<ClientHello> rewrite) {
        return serverAfter(EngineFixtures.client(EC).versions(ProtocolVersion.TLS12).build(), EngineFixtures.server(EC).build(),
                rewrite);
    }

    private static ClientHello withFallbackScsv(ClientHello hello) {
        List<CipherSuite> suites = new ArrayList<>(hello.cipherSuites());
        suites.add(CipherSuite.TLS_FALLBACK_SCSV);
        return new ClientHello(hello.legacyVersion(), hello.random(), hello.legacySessionId(), suites,
                hello.legacyCompressionMethods(), hello.extensions());
    }

    private static ClientHello withLegacyVersion(ClientHello hello, VersionCode v) {
        return new ClientHello(v, hello.random(), hello.legacySessionId(), hello.cipherSuites(),
                hello.legacyCompressionMethods(), hello.extensions());
    }

    private static ClientHello withCompression(ClientHello hello, Opaque methods) {
        return new ClientHello(hello.legacyVersion(), hello.random(), hello.legacySessionId(), hello.cipherSuites(),
                methods, hello.extensions());
    }

    private static List<io.tlsmachine.impl.codec.extension.Extension> withAlso(ClientHello hello,
            io.tlsmachine.impl.codec.extension.Extension added) {
        List<io.tlsmachine.impl.codec.extension.Extension> extensions = new ArrayList<>(hello.extensions());
        extensions.add(0, added);
        return extensions;
    }

    private static VersionCode selectedVersion(ServerHello hello) {
        return hello.extension(SupportedVersionSelected.class).map(SupportedVersionSelected::version)
                .orElse(hello.legacyVersion());
    }
}
