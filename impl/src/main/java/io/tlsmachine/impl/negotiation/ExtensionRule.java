package io.tlsmachine.impl.negotiation;

import io.tlsmachine.Reason;
import java.util.Optional;

/**
 * The rules {@link ExtensionCheck} applies to an extension block, each with the RFC sentence it implements, the
 * failure it raises (none for a rule that ignores) and the test that covers it; {@code specs/extension-rules.md} is
 * generated from this list.
 */
public enum ExtensionRule {
    /** The same type twice in one block. */
    DUPLICATE("RFC 8446 §4.2",
            "There MUST NOT be more than one extension of the same type in a given extension block.",
            Reason.DUPLICATE_EXTENSION, "ExtensionCheckTest#aTypeTwiceInOneBlockIsIllegalParameter"),
    /** RFC 5246's version of the same rule, for the TLS 1.2 hellos. */
    DUPLICATE_TLS12("RFC 5246 §7.4.1.4", "There MUST NOT be more than one extension of the same type.",
            Reason.DUPLICATE_EXTENSION, "ExtensionCheckTest#aTypeTwiceInATls12ServerHelloIsIllegalParameter"),
    /** A known extension in a message the table does not list for it. */
    NOT_SPECIFIED_FOR_MESSAGE("RFC 8446 §4.2",
            "If an implementation receives an extension which it recognizes and which is not specified for the "
                    + "message in which it appears, it MUST abort the handshake with an \"illegal_parameter\" alert.",
            Reason.ILLEGAL_PARAMETER, "ExtensionCheckTest#aKnownExtensionInAMessageThatMayNotCarryItIsIllegalParameter"),
    /** A response the peer did not ask for (TLS 1.3). */
    NOT_OFFERED("RFC 8446 §4.2",
            "Implementations MUST NOT send extension responses if the remote endpoint did not send the corresponding "
                    + "extension requests, with the exception of the \"cookie\" extension in the HelloRetryRequest. "
                    + "Upon receiving such an extension, an endpoint MUST abort the handshake with an "
                    + "\"unsupported_extension\" alert.",
            Reason.UNSUPPORTED_EXTENSION, "ExtensionCheckTest#aResponseThatWasNotOfferedIsUnsupportedExtension"),
    /** A TLS 1.2 ServerHello extension the ClientHello did not carry. */
    NOT_OFFERED_TLS12("RFC 5246 §7.4.1.4",
            "An extension type MUST NOT appear in the ServerHello unless the same extension type appeared in the "
                    + "corresponding ClientHello. If a client receives an extension type in ServerHello that it did "
                    + "not request in the associated ClientHello, it MUST abort the handshake with an "
                    + "unsupported_extension fatal alert.",
            Reason.UNSUPPORTED_EXTENSION, "ExtensionCheckTest#anUnofferedTls12ServerHelloExtensionIsUnsupportedExtension"),
    /** An unknown type in a response: it cannot have been offered. */
    UNKNOWN_IN_RESPONSE("RFC 8446 §4.2; RFC 5246 §7.4.1.4",
            "Implementations MUST NOT send extension responses if the remote endpoint did not send the corresponding "
                    + "extension requests (we never offer a type we do not know).",
            Reason.UNSUPPORTED_EXTENSION, "ExtensionCheckTest#anUnknownExtensionInAResponseIsUnsupportedExtension"),
    /** An unknown type in a ClientHello, CertificateRequest or NewSessionTicket. */
    UNKNOWN_IN_REQUEST_IGNORED("RFC 8446 §4.1.2; §4.3.2; §4.6.1",
            "Servers MUST ignore unrecognized extensions. / Clients MUST ignore unrecognized extensions. (a "
                    + "CertificateRequest's and a NewSessionTicket's)",
            null, "ExtensionCheckTest#anUnknownExtensionInARequestIsIgnored");

    private final String rfc;
    private final String sentence;
    private final Reason reason;
    private final String test;

    ExtensionRule(String rfc, String sentence, Reason reason, String test) {
        this.rfc = rfc;
        this.sentence = sentence;
        this.reason = reason;
        this.test = test;
    }

    /** Returns the RFC section(s) the rule implements. */
    public String rfc() {
        return rfc;
    }

    /** Returns the RFC sentence the rule implements. */
    public String sentence() {
        return sentence;
    }

    /** Returns the failure reason the rule raises, or empty when the rule ignores the extension. */
    public Optional<Reason> reason() {
        return Optional.ofNullable(reason);
    }

    /** Returns the test covering the rule, as {@code Class#method}. */
    public String test() {
        return test;
    }
}
