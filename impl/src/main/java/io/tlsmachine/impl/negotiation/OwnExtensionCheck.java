package io.tlsmachine.impl.negotiation;

import io.tlsmachine.impl.codec.extension.Extension;
import io.tlsmachine.impl.codec.message.DecodeContext;
import io.tlsmachine.impl.codec.message.HandshakeCodec;
import io.tlsmachine.impl.codec.types.ExtensionType;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Holds a handshake message we send to the same extension table a peer is held to: decodes our own encoded
 * message and applies {@link ExtensionCheck#firstViolationIn}, with "offered" being what the peer offered.
 *
 * <p>RFC 8446 §4.2: "Implementations MUST NOT send extension responses if the remote endpoint did not send the
 * corresponding extension requests"; RFC 5246 §7.4.1.4: "An extension type MUST NOT appear in the ServerHello
 * unless the same extension type appeared in the corresponding ClientHello." A message that does not decode throws
 * the codec's {@link io.tlsmachine.impl.error.DecodeException}: our own output must decode too.
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
        return ExtensionCheck.firstViolationIn(HandshakeCodec.decode(encoded, context), peerOffered);
    }

    /** Returns the extension types of a decoded message's block, e.g. of the peer's ClientHello, as an offer. */
    public static Set<ExtensionType> typesOf(List<? extends Extension> extensions) {
        return Set.copyOf(OfferedExtensions.of(extensions));
    }
}
