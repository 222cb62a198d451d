package io.tlsmachine.impl.negotiation;

import io.tlsmachine.impl.codec.extension.Extension;
import io.tlsmachine.impl.codec.extension.ExtensionContext;
import io.tlsmachine.impl.codec.extension.ExtensionRules;
import io.tlsmachine.impl.codec.extension.SupportedVersionSelected;
import io.tlsmachine.impl.codec.extension.SupportedVersionsOffer;
import io.tlsmachine.impl.codec.message.CertificateEntry;
import io.tlsmachine.impl.codec.message.ClientHello;
import io.tlsmachine.impl.codec.message.EncryptedExtensions;
import io.tlsmachine.impl.codec.message.HandshakeMessage;
import io.tlsmachine.impl.codec.message.HelloRetryRequest;
import io.tlsmachine.impl.codec.message.ServerHello;
import io.tlsmachine.impl.codec.message.Tls13Certificate;
import io.tlsmachine.impl.codec.message.Tls13CertificateRequest;
import io.tlsmachine.impl.codec.message.Tls13NewSessionTicket;
import io.tlsmachine.impl.codec.types.ExtensionType;
import io.tlsmachine.impl.codec.types.VersionCode;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Holds one extension block to the extension table ({@link ExtensionRules}), for either role: the one place where a
 * received block's extensions are judged by message, version and offer.
 *
 * <p>The extensions are taken in the order received; the first that breaks a rule is returned. For a response
 * message (ServerHello, HelloRetryRequest, EncryptedExtensions, Certificate) {@code offered} is the set of types of
 * the request it answers (the ClientHello, or for a client's Certificate the CertificateRequest); for the other
 * messages it is not read.
 */
public final class ExtensionCheck {
    private ExtensionCheck() {
    }

    /**
     * Returns the first violation in the extension blocks of a decoded handshake message of either role, or empty
     * (also for the messages that carry no block). The message kind and version come from the message itself: a
     * ServerHello is TLS 1.3 when it selects 1.3 in supported_versions; the other messages with blocks exist only in
     * TLS 1.3 (a ClientHello is checked against both versions, {@link ExtensionRules#mayAppear}).
     */
    public static Optional<ExtensionViolation> firstViolationIn(HandshakeMessage message, Set<ExtensionType> offered) {
        if (message instanceof ClientHello hello) {
            VersionCode version = hello.extension(SupportedVersionsOffer.class)
                    .filter(v -> v.versions().contains(VersionCode.TLS13)).isPresent()
                    ? VersionCode.TLS13 : VersionCode.TLS12;
            return firstViolation(ExtensionContext.CLIENT_HELLO, version, hello.extensions(), offered);
        }
        if (message instanceof ServerHello hello) {
            // supported_versions exists only in a TLS 1.3 ServerHello (RFC 8446 §4.2.1), so its block is judged by the
            // TLS 1.3 table whatever version it selects: a selection we did not offer (0x0305, GREASE, a draft) is
            // the version check's illegal_parameter, after this one, not a table the RFC does not have.
            VersionCode version = hello.extension(SupportedVersionSelected.class).isPresent()
                    ? VersionCode.TLS13 : VersionCode.TLS12;
            return firstViolation(ExtensionContext.SERVER_HELLO, version, hello.extensions(), offered);
        }
        if (message instanceof HelloRetryRequest retry) {
            return firstViolation(ExtensionContext.HELLO_RETRY_REQUEST, VersionCode.TLS13, retry.extensions(), offered);
        }
        if (message instanceof EncryptedExtensions encrypted) {
            return firstViolation(ExtensionContext.ENCRYPTED_EXTENSIONS, VersionCode.TLS13, encrypted.extensions(),
                    offered);
        }
        if (message instanceof Tls13CertificateRequest request) {
            return firstViolation(ExtensionContext.CERTIFICATE_REQUEST, VersionCode.TLS13, request.extensions(),
                    offered);
        }
        if (message instanceof Tls13NewSessionTicket ticket) {
            return firstViolation(ExtensionContext.NEW_SESSION_TICKET, VersionCode.TLS13, ticket.extensions(), offered);
        }
        if (message instanceof Tls13Certificate certificate) {
            // RFC 8446 §4.4.2: each CertificateEntry has its own extension block.
            for (CertificateEntry entry : certificate.entries()) {
                Optional<ExtensionViolation> violation =
                        firstViolation(ExtensionContext.CERTIFICATE, VersionCode.TLS13, entry.extensions(), offered);
                if (violation.isPresent()) {
                    return violation;
                }
            }
        }
        return Optional.empty();
    }

    /** Returns the first violation in a decoded block, or empty when the block obeys the table. */
    public static Optional<ExtensionViolation> firstViolation(ExtensionContext message, VersionCode version,
            List<? extends Extension> received, Set<ExtensionType> offered) {
        return firstViolationOfTypes(message, version, received.stream().map(Extension::type).toList(), offered);
    }

    /** Throws the failure of the first violation in a decoded block, if there is one. */
    public static void enforce(ExtensionContext message, VersionCode version, List<? extends Extension> received,
            Set<ExtensionType> offered) {
        firstViolation(message, version, received, offered).ifPresent(v -> {
            throw v.failure();
        });
    }

    /** Returns the first violation among the given types in block order, or empty when they obey the table. */
    public static Optional<ExtensionViolation> firstViolationOfTypes(ExtensionContext message, VersionCode version,
            List<ExtensionType> received, Set<ExtensionType> offered) {
        boolean tls12 = VersionCode.TLS12.equals(version);
        Set<ExtensionType> seen = new HashSet<>();
        for (int index = 0; index < received.size(); index++) {
            ExtensionType type = received.get(index);
            Optional<ExtensionRule> broken = brokenRule(message, version, type, offered, !seen.add(type), tls12);
            if (broken.isPresent()) {
                return Optional.of(new ExtensionViolation(broken.get(), message, type, index));
            }
        }
        return Optional.empty();
    }

    private static Optional<ExtensionRule> brokenRule(ExtensionContext message, VersionCode version,
            ExtensionType type, Set<ExtensionType> offered, boolean duplicate, boolean tls12) {
        // RFC 8446 §4.2: "There MUST NOT be more than one extension of the same type in a given extension block."
        // RFC 5246 §7.4.1.4: "There MUST NOT be more than one extension of the same type."
        if (duplicate) {
            return Optional.of(tls12 ? ExtensionRule.DUPLICATE_TLS12 : ExtensionRule.DUPLICATE);
        }
        boolean known = ExtensionRules.row(type).isPresent();
        if (!known) {
            // RFC 8446 §4.1.2, §4.3.2, §4.6.1: "... MUST ignore unrecognized extensions." In a response an unknown
            // type cannot answer our offer (RFC 8446 §4.2, RFC 5246 §7.4.1.4): unsupported_extension.
            return ExtensionRules.isResponse(message) && !offered.contains(type)
                    ? Optional.of(ExtensionRule.UNKNOWN_IN_RESPONSE) : Optional.empty();
        }
        // RFC 8446 §4.2: "If an implementation receives an extension which it recognizes and which is not specified
        // for the message in which it appears, it MUST abort the handshake with an "illegal_parameter" alert."
        if (!ExtensionRules.mayAppear(type, message, version)) {
            return Optional.of(ExtensionRule.NOT_SPECIFIED_FOR_MESSAGE);
        }
        // RFC 8446 §4.2: "Implementations MUST NOT send extension responses if the remote endpoint did not send the
        // corresponding extension requests, with the exception of the "cookie" extension in the HelloRetryRequest."
        // RFC 5246 §7.4.1.4: "An extension type MUST NOT appear in the ServerHello unless the same extension type
        // appeared in the corresponding ClientHello."
        if (ExtensionRules.isResponse(message) && !offered.contains(type)
                && !ExtensionRules.mayBeUnsolicited(type, message)) {
            return Optional.of(tls12 ? ExtensionRule.NOT_OFFERED_TLS12 : ExtensionRule.NOT_OFFERED);
        }
        return Optional.empty();
    }
}
