package io.tlsmachine.impl.negotiation;

import io.tlsmachine.impl.codec.extension.KeyShareOffer;
import io.tlsmachine.impl.codec.extension.PreSharedKeyOffer;
import io.tlsmachine.impl.codec.extension.PskKeyExchangeModes;
import io.tlsmachine.impl.codec.extension.SignatureAlgorithms;
import io.tlsmachine.impl.codec.extension.SupportedGroups;
import io.tlsmachine.impl.codec.message.ClientHello;
import io.tlsmachine.Reason;
import io.tlsmachine.TlsException;

/**
 * RFC 8446 §9.2: the extensions a TLS 1.3 ClientHello must carry. "Servers receiving a ClientHello which does not
 * conform to these requirements MUST abort the handshake with a "missing_extension" alert."
 */
public final class ClientHelloExtensionsRequired {
    private ClientHelloExtensionsRequired() {
    }

    /** The rules of this family, each with its RFC sentence, failure and test. */
    public enum Rule implements NegotiationRule {
        /** supported_groups and key_share come together. */
        GROUPS_AND_KEY_SHARE_TOGETHER("RFC 8446 §9.2",
                "If containing a \"supported_groups\" extension, it MUST also contain a \"key_share\" extension, and vice versa. An empty KeyShare.client_shares vector is permitted.",
                Reason.MISSING_EXTENSION, "ClientHelloConformanceTest#supportedGroupsWithoutKeyShareIsMissingExtensionNotAHelloRetryRequest"),
        /** Without a PSK, groups and signature algorithms are required. */
        GROUPS_AND_SIGNATURES_WITHOUT_PSK("RFC 8446 §9.2",
                "If not containing a \"pre_shared_key\" extension, it MUST contain both a \"signature_algorithms\" extension and a \"supported_groups\" extension.",
                Reason.MISSING_EXTENSION, "ClientHelloConformanceTest#noSignatureAlgorithmsAndNoPskIsMissingExtension");

        private final RuleText text;

        Rule(String rfc, String sentence, Reason reason, String test) {
            this.text = new RuleText(rfc, sentence, reason, test);
        }

        @Override
        public Class<?> family() {
            return ClientHelloExtensionsRequired.class;
        }

        @Override
        public RuleText text() {
            return text;
        }
    }

    /** Throws MISSING_EXTENSION when a ClientHello we answer with TLS 1.3 lacks what §9.2 requires. */
    public static void check(ClientHello hello) {
        boolean groups = hello.extension(SupportedGroups.class).isPresent();
        boolean shares = hello.extension(KeyShareOffer.class).isPresent();
        // RFC 8446 §9.2: "If containing a "supported_groups" extension, it MUST also contain a "key_share"
        // extension, and vice versa. An empty KeyShare.client_shares vector is permitted."
        if (groups != shares) {
            throw Rule.GROUPS_AND_KEY_SHARE_TOGETHER.failure("TLS 1.3 ClientHello with "
                    + (groups ? "supported_groups but no key_share" : "key_share but no supported_groups"));
        }
        // RFC 8446 §4.2.9: "If clients offer "pre_shared_key" without a "psk_key_exchange_modes" extension,
        // servers MUST abort the handshake." The extension it needs is missing: missing_extension (§6.2).
        if (hello.extension(PreSharedKeyOffer.class).isPresent() && hello.extension(PskKeyExchangeModes.class).isEmpty()) {
            throw TlsException.fatal(Reason.MISSING_EXTENSION,
                    "TLS 1.3 ClientHello offers pre_shared_key without psk_key_exchange_modes (RFC 8446 §4.2.9)");
        }
        // RFC 8446 §9.2: "If not containing a "pre_shared_key" extension, it MUST contain both a
        // "signature_algorithms" extension and a "supported_groups" extension."
        if (hello.extension(PreSharedKeyOffer.class).isEmpty()
                && (!groups || hello.extension(SignatureAlgorithms.class).isEmpty())) {
            throw Rule.GROUPS_AND_SIGNATURES_WITHOUT_PSK.failure("TLS 1.3 ClientHello without pre_shared_key lacks "
                    + (groups ? "signature_algorithms" : "supported_groups"));
        }
    }
}
