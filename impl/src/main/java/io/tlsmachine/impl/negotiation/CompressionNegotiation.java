package io.tlsmachine.impl.negotiation;

import io.tlsmachine.impl.codec.Opaque;
import io.tlsmachine.impl.codec.message.ClientHello;
import io.tlsmachine.Reason;
import io.tlsmachine.TlsException;
import io.tlsmachine.model.ProtocolVersion;

/**
 * Holds a ClientHello's compression methods to the negotiated version's rule; the server always answers null
 * (compression is never negotiated).
 */
public final class CompressionNegotiation {
    private static final Opaque NULL_ONLY = Opaque.ofUnsigned(0);

    private CompressionNegotiation() {
    }

    /** The rules of this family, each with its RFC sentence, failure and test. */
    public enum Rule implements NegotiationRule {
        /** A TLS 1.3 ClientHello offers the null method alone. */
        TLS13_NULL_ONLY("RFC 8446 §4.1.2",
                "For every TLS 1.3 ClientHello, this vector MUST contain exactly one byte, set to zero ... If a TLS 1.3 ClientHello is received with any other value in this field, the server MUST abort the handshake with an \"illegal_parameter\" alert.",
                Reason.ILLEGAL_PARAMETER, "ClientHelloConformanceTest#tls13CompressionMethodsOtherThanNullAloneIsIllegalParameter"),
        /** A TLS 1.2 ClientHello offers the null method among others. */
        TLS12_NULL_INCLUDED("RFC 5246 §7.4.1.2; §7.2.2",
                "This vector MUST contain, and all implementations MUST support, CompressionMethod.null. / illegal_parameter: A field in the handshake was out of range or inconsistent with other fields.",
                Reason.ILLEGAL_PARAMETER, "ClientHelloConformanceTest#tls12CompressionMethodsWithoutNullIsIllegalParameter");

        private final RuleText text;

        Rule(String rfc, String sentence, Reason reason, String test) {
            this.text = new RuleText(rfc, sentence, reason, test);
        }

        @Override
        public Class<?> family() {
            return CompressionNegotiation.class;
        }

        @Override
        public RuleText text() {
            return text;
        }
    }

    /** Throws ILLEGAL_PARAMETER when the ClientHello's legacy_compression_methods break {@code version}'s rule. */
    public static void check(ClientHello hello, ProtocolVersion version) {
        Opaque methods = hello.legacyCompressionMethods();
        if (version == ProtocolVersion.TLS13) {
            // RFC 8446 §4.1.2: "For every TLS 1.3 ClientHello, this vector MUST contain exactly one byte, set to zero
            // ... If a TLS 1.3 ClientHello is received with any other value in this field, the server MUST abort the
            // handshake with an "illegal_parameter" alert."
            if (!methods.equals(NULL_ONLY)) {
                throw Rule.TLS13_NULL_ONLY.failure("TLS 1.3 ClientHello with compression methods other than null alone");
            }
            return;
        }
        // RFC 5246 §7.4.1.2: "This vector MUST contain, and all implementations MUST support,
        // CompressionMethod.null." RFC 5246 §7.2.2 names the alert for a field that breaks its rule:
        // "illegal_parameter: A field in the handshake was out of range or inconsistent with other fields."
        byte[] bytes = methods.toByteArray();
        for (byte method : bytes) {
            if (method == 0) {
                return;
            }
        }
        throw Rule.TLS12_NULL_INCLUDED.failure("TLS 1.2 ClientHello whose compression methods lack null");
    }
}
