package io.tlsmachine.impl.crypto;

import io.tlsmachine.impl.error.TlsException;
import javax.security.auth.Destroyable;

/** One side of an ephemeral key exchange: our public share, then the shared secret. */
public interface KeyExchange extends Destroyable {
    KeyExchangeGroup group();

    /** Returns our public share in its TLS encoding (RFC 8446 §4.2.8.1 / §4.2.8.2). */
    byte[] publicShare();

    /**
     * Validates the peer's share and returns the shared secret.
     *
     * @throws TlsException with reason INVALID_KEY_SHARE for a wrong length, a point off the
     *     curve, the identity, a small-order result or an out-of-range FFDHE value
     */
    Secret agree(byte[] peerShare);
}
