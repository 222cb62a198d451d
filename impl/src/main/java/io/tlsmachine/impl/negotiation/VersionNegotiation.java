package io.tlsmachine.impl.negotiation;

import io.tlsmachine.impl.codec.extension.SupportedVersionsOffer;
import io.tlsmachine.impl.codec.message.ClientHello;
import io.tlsmachine.CipherSuite;
import io.tlsmachine.Reason;
import io.tlsmachine.TlsException;
import io.tlsmachine.model.ProtocolVersion;
import io.tlsmachine.impl.codec.types.VersionCode;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Chooses the version a server answers a ClientHello with, or fails with the alert the RFCs name: the server's
 * version rules, in the order they apply.
 *
 * <ol>
 *   <li>RFC 8446 Appendix D.5: legacy_version 0x0300 or less is protocol_version.</li>
 *   <li>RFC 7507 §3: TLS_FALLBACK_SCSV with a version below our highest is inappropriate_fallback.</li>
 *   <li>RFC 8446 §4.2.1: when supported_versions is present it alone decides (legacy_version is not read); without
 *       it, legacy_version does (RFC 5246 Appendix E.1). No version in common is protocol_version.</li>
 * </ol>
 */
public final class VersionNegotiation {
    private static final int SSL30 = VersionCode.SSL30.code();
    private static final int TLS12 = ProtocolVersion.TLS12.code();
    private static final int TLS13 = ProtocolVersion.TLS13.code();

    private VersionNegotiation() {
    }

    /** The rules of this family, each with its RFC sentence, failure and test. */
    public enum Rule implements NegotiationRule {
        /** legacy_version 0x0300 or less. */
        LEGACY_VERSION_SSL30_OR_LESS("RFC 8446 Appendix D.5",
                "Any endpoint receiving a Hello message with ClientHello.legacy_version or ServerHello.legacy_version set to 0x0300 MUST abort the handshake with a \"protocol_version\" alert.",
                Reason.PROTOCOL_VERSION_UNSUPPORTED, "ClientHelloConformanceTest#legacyVersionSsl30OfferingTls13IsProtocolVersion"),
        /** TLS_FALLBACK_SCSV from a client below our highest version. */
        FALLBACK_BELOW_OUR_HIGHEST("RFC 7507 §3",
                "If TLS_FALLBACK_SCSV appears in ClientHello.cipher_suites and the highest protocol version supported by the server is higher than the version indicated by the client, the server MUST respond with a fatal inappropriate_fallback alert.",
                Reason.INAPPROPRIATE_FALLBACK, "ClientHelloConformanceTest#fallbackScsvFromATls12ClientToATls13ServerIsInappropriateFallback"),
        /** supported_versions present: legacy_version is not read. */
        SUPPORTED_VERSIONS_ALONE_DECIDE("RFC 8446 §4.2.1",
                "If this extension is present in the ClientHello, servers MUST NOT use the ClientHello.legacy_version value for version negotiation and MUST use only the \"supported_versions\" extension to determine client preferences.",
                Reason.PROTOCOL_VERSION_UNSUPPORTED, "ClientHelloConformanceTest#supportedVersionsListingOnlySsl30IsProtocolVersionAlthoughLegacyVersionIsTls12"),
        /** supported_versions absent: legacy_version decides. */
        LEGACY_VERSION_WITHOUT_SUPPORTED_VERSIONS("RFC 8446 §4.2.1; RFC 5246 Appendix E.1",
                "If the \"supported_versions\" extension is absent and the server only supports versions greater than ClientHello.legacy_version, the server MUST abort the handshake with a \"protocol_version\" alert.",
                Reason.PROTOCOL_VERSION_UNSUPPORTED, "ClientHelloConformanceTest#noSupportedVersionsAndLegacyVersionTls10IsProtocolVersion");

        private final RuleText text;

        Rule(String rfc, String sentence, Reason reason, String test) {
            this.text = new RuleText(rfc, sentence, reason, test);
        }

        @Override
        public Class<?> family() {
            return VersionNegotiation.class;
        }

        @Override
        public RuleText text() {
            return text;
        }
    }

    /**
     * Returns the version to negotiate with {@code hello}, given the versions we support.
     *
     * @throws TlsException PROTOCOL_VERSION_UNSUPPORTED or INAPPROPRIATE_FALLBACK
     */
    public static ProtocolVersion select(ClientHello hello, Predicate<ProtocolVersion> supported) {
        // RFC 8446 Appendix D.5: "Any endpoint receiving a Hello message with ClientHello.legacy_version or
        // ServerHello.legacy_version set to 0x0300 MUST abort the handshake with a "protocol_version" alert." Below
        // 0x0300 is no TLS at all.
        if (hello.legacyVersion().code() <= SSL30) {
            throw Rule.LEGACY_VERSION_SSL30_OR_LESS.failure("ClientHello.legacy_version " + hello.legacyVersion());
        }
        Optional<List<VersionCode>> offered =
                hello.extension(SupportedVersionsOffer.class).map(SupportedVersionsOffer::versions);
        int indicated = offered.map(VersionNegotiation::highestKnown).orElse(hello.legacyVersion().code());
        // RFC 7507 §3: "If TLS_FALLBACK_SCSV appears in ClientHello.cipher_suites and the highest protocol version
        // supported by the server is higher than the version indicated by the client, the server MUST respond with a
        // fatal inappropriate_fallback alert".
        int ourHighest = supported.test(ProtocolVersion.TLS13) ? TLS13 : TLS12;
        if (hello.cipherSuites().contains(CipherSuite.TLS_FALLBACK_SCSV) && indicated < ourHighest) {
            throw Rule.FALLBACK_BELOW_OUR_HIGHEST.failure("TLS_FALLBACK_SCSV from a client indicating 0x"
                    + Integer.toHexString(indicated));
        }
        if (offered.isPresent()) {
            // RFC 8446 §4.2.1: "If this extension is present in the ClientHello, servers MUST NOT use the
            // ClientHello.legacy_version value for version negotiation and MUST use only the "supported_versions"
            // extension to determine client preferences."
            List<VersionCode> versions = offered.get();
            for (ProtocolVersion version : List.of(ProtocolVersion.TLS13, ProtocolVersion.TLS12)) {
                if (versions.contains(VersionCode.of(version)) && supported.test(version)) {
                    return version;
                }
            }
            throw Rule.SUPPORTED_VERSIONS_ALONE_DECIDE.failure("supported_versions " + versions
                    + " names no version we support");
        }
        // RFC 8446 §4.2.1: "If the "supported_versions" extension is absent and the server only supports versions
        // greater than ClientHello.legacy_version, the server MUST abort the handshake with a "protocol_version"
        // alert." RFC 5246 Appendix E.1: a higher legacy_version gets the server's highest, TLS 1.2 here.
        if (hello.legacyVersion().code() >= TLS12 && supported.test(ProtocolVersion.TLS12)) {
            return ProtocolVersion.TLS12;
        }
        throw Rule.LEGACY_VERSION_WITHOUT_SUPPORTED_VERSIONS.failure(
                "no protocol version in common with a client indicating " + hello.legacyVersion());
    }

    /**
     * Client: RFC 8446 Appendix D.5 for the ServerHello ("Any endpoint receiving a Hello message with ...
     * ServerHello.legacy_version set to 0x0300 MUST abort the handshake with a "protocol_version" alert").
     *
     * @throws TlsException PROTOCOL_VERSION_UNSUPPORTED for a legacy_version of 0x0300 or less
     */
    public static void checkServerHelloLegacyVersion(VersionCode legacyVersion) {
        if (legacyVersion.code() <= SSL30) {
            throw Rule.LEGACY_VERSION_SSL30_OR_LESS.failure("ServerHello.legacy_version " + legacyVersion);
        }
    }

    /** The highest TLS version (0x0301-0x0304) the list names; 0 when it names none (only unknown or GREASE). */
    private static int highestKnown(List<VersionCode> versions) {
        int highest = 0;
        for (VersionCode v : versions) {
            if (v.code() > SSL30 && v.code() <= TLS13) {
                highest = Math.max(highest, v.code());
            }
        }
        return highest;
    }
}
