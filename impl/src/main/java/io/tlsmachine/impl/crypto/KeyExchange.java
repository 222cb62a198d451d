package io.tlsmachine.impl.crypto;

import io.tlsmachine.KeyExchangeGroup;
import io.tlsmachine.TlsException;
import javax.security.auth.Destroyable;

/**
 * One side of an ephemeral key exchange: our public share and the shared secret.
 *
 * <p>The order depends on the side. The client's side ({@link CryptoProvider#generateKeyExchange}) has its share
 * from the start and agrees once the server's share arrives. The server's side
 * ({@link CryptoProvider#respondKeyExchange}) agrees on the client's share first and only then reads its own:
 * for a Diffie-Hellman group the order makes no difference, but for a KEM group ({@link KeyExchangeGroup#isKem})
 * the server's share is the ciphertext its encapsulation makes, so {@link #publicShare} before {@link #agree}
 * throws {@link IllegalStateException} there.
 */
public interface KeyExchange extends Destroyable {
    KeyExchangeGroup group();

    /**
     * Returns our public share in its TLS encoding (RFC 8446 §4.2.8.1 / §4.2.8.2, draft-ietf-tls-ecdhe-mlkem §3.1).
     *
     * @throws IllegalStateException on the server's side of a KEM group before {@link #agree}
     */
    byte[] publicShare();

    /**
     * Validates the peer's share and returns the shared secret.
     *
     * @throws TlsException with reason INVALID_KEY_SHARE for a wrong length, a point off the
     *     curve, the identity, a small-order result, an out-of-range FFDHE value, or an ML-KEM
     *     encapsulation key that fails the FIPS 203 §7.2 modulus check
     * @throws IllegalStateException after {@link #destroy}, or a second time on the server's side of a KEM group
     */
    Secret agree(byte[] peerShare);
}
