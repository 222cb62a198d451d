package io.tlsmachine.impl.negotiation;

import io.tlsmachine.impl.codec.message.ClientHello;
import io.tlsmachine.impl.codec.message.HandshakeMessage;
import io.tlsmachine.impl.codec.message.Tls13CertificateRequest;
import io.tlsmachine.impl.codec.types.ExtensionType;
import java.util.Set;

/**
 * Holds every handshake message one connection receives to the extension table ({@link ExtensionCheck}), with
 * "offered" being the request of ours it answers: the one place a received extension block is judged, for both
 * roles. A client's offer is its latest ClientHello (answered by ServerHello, HelloRetryRequest, EncryptedExtensions
 * and the server's Certificate); a server's is its latest CertificateRequest (answered by the client's Certificate,
 * RFC 8446 §4.4.2: "Extensions in the Certificate message from the client MUST correspond to extensions in the
 * CertificateRequest message from the server"). Not thread-safe.
 */
public final class ReceivedExtensions {
    private Set<ExtensionType> offered = Set.of();

    /** Notes a message we send: our ClientHello or CertificateRequest becomes the offer the peer's responses answer. */
    public void sent(HandshakeMessage message) {
        if (message instanceof ClientHello hello) {
            offered = OfferedExtensions.of(hello);
        } else if (message instanceof Tls13CertificateRequest request) {
            offered = Set.copyOf(OfferedExtensions.of(request.extensions()));
        }
    }

    /**
     * Forgets the offer once the handshake is over, so an established connection holds no set of its hello's
     * extensions: every response to our ClientHello has arrived by then, and a post-handshake CertificateRequest of
     * ours (RFC 8446 §4.6.2) becomes the offer anew when it is sent.
     */
    public void releaseOffer() {
        offered = Set.of();
    }

    /**
     * Throws the failure of the first table rule the received message's extension blocks break: illegal_parameter
     * for a known extension the message may not carry or a type twice (RFC 8446 §4.2), unsupported_extension for a
     * response we did not ask for (known or not); unknown extensions in a request are ignored.
     */
    public void check(HandshakeMessage message) {
        ExtensionCheck.firstViolationIn(message, offered).ifPresent(violation -> {
            throw violation.failure();
        });
    }
}
