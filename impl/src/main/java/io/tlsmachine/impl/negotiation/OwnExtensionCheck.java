package io.tlsmachine.impl.negotiation;

import io.tlsmachine.impl.codec.extension.Extension;
import io.tlsmachine.impl.codec.extension.ExtensionContext;
import io.tlsmachine.impl.codec.extension.SupportedVersionSelected;
import io.tlsmachine.impl.codec.extension.SupportedVersionsOffer;
import io.tlsmachine.impl.codec.message.CertificateEntry;
import io.tlsmachine.impl.codec.message.ClientHello;
import io.tlsmachine.impl.codec.message.DecodeContext;
import io.tlsmachine.impl.codec.message.EncryptedExtensions;
import io.tlsmachine.impl.codec.message.HandshakeCodec;
import io.tlsmachine.impl.codec.message.HandshakeMessage;
import io.tlsmachine.impl.codec.message.HelloRetryRequest;
import io.tlsmachine.impl.codec.message.ServerHello;
import io.tlsmachine.impl.codec.message.Tls13Certificate;
import io.tlsmachine.impl.codec.message.Tls13CertificateRequest;
import io.tlsmachine.impl.codec.message.Tls13NewSessionTicket;
import io.tlsmachine.impl.codec.types.ExtensionType;
import io.tlsmachine.impl.codec.types.ProtocolVersion;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Holds a handshake message we send to the same extension table a peer is held to: decodes our own encoded
 * message and applies {@link ExtensionCheck}, with "offered" being what the peer offered.
 *
 * <p>RFC 8446 §4.2: "Implementations MUST NOT send extension responses if the remote endpoint did not send the
 * corresponding extension requests"; RFC 5246 §7.4.1.4: "An extension type MUST NOT appear in the ServerHello
 * unless the same extension type appeared in the corresponding ClientHello." The message kind and version come
 * from the message itself (a ServerHello is TLS 1.3 when it selects 1.3 in supported_versions; the other messages
 * with extension blocks exist only in TLS 1.3). A message that does not decode throws the codec's
 * {@link io.tlsmachine.impl.error.DecodeException}: our own output must decode too.
 */
public final class OwnExtensionCheck {
    private OwnExtensionCheck() {
    }

    /**
     * Returns the first violation in our encoded handshake message (header included), or empty.
     *
     * @param encoded the framed message as sent
     * @param context how to decode it (the version-dependent messages need it)
     * @param peerOffered the extension types of the peer's request this message answers: the ClientHello for a
     *     server's messages, the CertificateRequest for a client's Certificate; not read for requests
     */
    public static Optional<ExtensionViolation> firstViolation(byte[] encoded, DecodeContext context,
            Set<ExtensionType> peerOffered) {
        HandshakeMessage message = HandshakeCodec.decode(encoded, context);
        if (message instanceof ClientHello hello) {
            return check(ExtensionContext.CLIENT_HELLO, offeredVersion(hello), hello.extensions(), peerOffered);
        }
        if (message instanceof ServerHello hello) {
            ProtocolVersion version = hello.extension(SupportedVersionSelected.class)
                    .map(SupportedVersionSelected::version).orElse(ProtocolVersion.TLS12);
            return check(ExtensionContext.SERVER_HELLO, version, hello.extensions(), peerOffered);
        }
        if (message instanceof HelloRetryRequest retry) {
            return check(ExtensionContext.HELLO_RETRY_REQUEST, ProtocolVersion.TLS13, retry.extensions(), peerOffered);
        }
        if (message instanceof EncryptedExtensions encrypted) {
            return check(ExtensionContext.ENCRYPTED_EXTENSIONS, ProtocolVersion.TLS13, encrypted.extensions(),
                    peerOffered);
        }
        if (message instanceof Tls13CertificateRequest request) {
            return check(ExtensionContext.CERTIFICATE_REQUEST, ProtocolVersion.TLS13, request.extensions(),
                    peerOffered);
        }
        if (message instanceof Tls13NewSessionTicket ticket) {
            return check(ExtensionContext.NEW_SESSION_TICKET, ProtocolVersion.TLS13, ticket.extensions(), peerOffered);
        }
        if (message instanceof Tls13Certificate certificate) {
            // RFC 8446 §4.4.2: each CertificateEntry has its own extension block.
            for (CertificateEntry entry : certificate.entries()) {
                Optional<ExtensionViolation> violation =
                        check(ExtensionContext.CERTIFICATE, ProtocolVersion.TLS13, entry.extensions(), peerOffered);
                if (violation.isPresent()) {
                    return violation;
                }
            }
        }
        return Optional.empty();
    }

    /** Returns the extension types of a decoded message's block, e.g. of the peer's ClientHello, as an offer. */
    public static Set<ExtensionType> typesOf(List<? extends Extension> extensions) {
        return Set.copyOf(extensions.stream().map(Extension::type).distinct().toList());
    }

    private static ProtocolVersion offeredVersion(ClientHello hello) {
        return hello.extension(SupportedVersionsOffer.class)
                .filter(offer -> offer.versions().contains(ProtocolVersion.TLS13))
                .map(offer -> ProtocolVersion.TLS13).orElse(ProtocolVersion.TLS12);
    }

    private static Optional<ExtensionViolation> check(ExtensionContext kind, ProtocolVersion version,
            List<Extension> extensions, Set<ExtensionType> peerOffered) {
        return ExtensionCheck.firstViolation(kind, version, extensions, peerOffered);
    }
}
