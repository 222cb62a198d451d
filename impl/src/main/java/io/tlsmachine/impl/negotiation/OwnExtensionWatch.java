package io.tlsmachine.impl.negotiation;

import io.tlsmachine.impl.codec.message.ClientHello;
import io.tlsmachine.impl.codec.message.DecodeContext;
import io.tlsmachine.impl.codec.message.HandshakeCodec;
import io.tlsmachine.impl.codec.message.HandshakeMessage;
import io.tlsmachine.model.analysis.Role;
import io.tlsmachine.impl.codec.message.Tls13CertificateRequest;
import io.tlsmachine.impl.codec.types.ExtensionType;
import java.util.Optional;
import java.util.Set;

/**
 * Follows one connection's handshake messages, both ways, and holds each message we send to the extension table
 * with "offered" being the peer's request it answers: {@link OwnExtensionCheck} with the offer kept for it.
 *
 * <p>A server's responses answer the latest ClientHello (the second one after a HelloRetryRequest); a client's
 * Certificate answers the latest CertificateRequest (RFC 8446 §4.4.2: "Extensions in the Certificate message from
 * the client MUST correspond to extensions in the CertificateRequest message from the server"). Meant for a test
 * hook that sees every encoded handshake message an engine sends and receives; not thread-safe.
 */
public final class OwnExtensionWatch {
    private final Role ours;
    private Set<ExtensionType> peerOffered = Set.of();

    /** Watches the messages of the endpoint playing {@code ours}. */
    public OwnExtensionWatch(Role ours) {
        this.ours = ours;
    }

    /** Notes a message the peer sent (framed, as received), keeping its extension types when it is a request. */
    public void received(byte[] encoded, DecodeContext context) {
        HandshakeMessage message = HandshakeCodec.decode(encoded, context);
        if (ours == Role.SERVER && message instanceof ClientHello hello) {
            peerOffered = OfferedExtensions.of(hello);
        } else if (ours == Role.CLIENT && message instanceof Tls13CertificateRequest request) {
            peerOffered = OwnExtensionCheck.typesOf(request.extensions());
        }
    }

    /** Returns the first violation in a message we send (framed, as sent), or empty. */
    public Optional<ExtensionViolation> sent(byte[] encoded, DecodeContext context) {
        return OwnExtensionCheck.firstViolation(encoded, context, peerOffered);
    }
}
