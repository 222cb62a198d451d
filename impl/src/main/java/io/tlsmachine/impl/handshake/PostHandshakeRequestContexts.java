package io.tlsmachine.impl.handshake;

import io.tlsmachine.impl.codec.Opaque;
import io.tlsmachine.Reason;
import io.tlsmachine.TlsException;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The certificate_request_contexts of the post-handshake CertificateRequests a TLS 1.3 client has answered, so that
 * an empty or reused one is refused.
 *
 * <p>RFC 8446 §4.3.2: the context "MUST be unique within the scope of this connection (thus preventing replay of
 * client CertificateVerify messages)" and is zero length only in the handshake. A peer breaking that sends a
 * semantically invalid message: illegal_parameter (§6.2). Memory is bounded: the last {@link #REMEMBERED} contexts
 * (at most 255 bytes each) are kept, so a reuse among them is caught.
 */
final class PostHandshakeRequestContexts {
    /** How many of the most recent contexts are remembered. */
    static final int REMEMBERED = 1024;

    /** Made at the first post-handshake CertificateRequest: most connections never see one. */
    private Set<Opaque> recent;

    /**
     * Records {@code context} as answered.
     *
     * @throws TlsException ILLEGAL_PARAMETER when it is empty or was used by a remembered earlier request
     */
    void accept(Opaque context) {
        if (context.isEmpty()) {
            throw TlsException.fatal(Reason.ILLEGAL_PARAMETER, "post-handshake CertificateRequest with an empty context");
        }
        if (recent == null) {
            recent = new LinkedHashSet<>();
        }
        if (!recent.add(context)) {
            throw TlsException.fatal(Reason.ILLEGAL_PARAMETER,
                    "post-handshake CertificateRequest reuses the certificate_request_context of an earlier one");
        }
        if (recent.size() > REMEMBERED) {
            Iterator<Opaque> oldest = recent.iterator();
            oldest.next();
            oldest.remove();
        }
    }
}
