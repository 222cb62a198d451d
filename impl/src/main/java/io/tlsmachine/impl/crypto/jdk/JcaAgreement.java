package io.tlsmachine.impl.crypto.jdk;

import io.tlsmachine.KeyExchangeGroup;
import io.tlsmachine.Reason;
import io.tlsmachine.TlsException;
import io.tlsmachine.impl.crypto.FixedLength;
import io.tlsmachine.impl.crypto.Secret;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.KeySpec;
import javax.crypto.KeyAgreement;

/** Runs one JCA key agreement of our private key with the peer's public value, for the JDK's key exchanges. */
final class JcaAgreement {

    private JcaAgreement() {
    }

    /** The raw agreement {@code algorithm} of {@code ours} with the peer's key {@code peer} of {@code keyAlgorithm}. */
    static byte[] agree(String algorithm, PrivateKey ours, String keyAlgorithm, KeySpec peer)
            throws GeneralSecurityException {
        PublicKey peerKey = KeyFactory.getInstance(keyAlgorithm).generatePublic(peer);
        KeyAgreement agreement = KeyAgreement.getInstance(algorithm);
        agreement.init(ours);
        agreement.doPhase(peerKey, true);
        return agreement.generateSecret();
    }

    /**
     * The shared secret of a Diffie-Hellman group left-padded with zeros to {@code length} bytes (RFC 8446 §7.4.1 for
     * finite fields, §7.4.2 for the x-coordinate of an ECDH result); a peer value the provider refuses is a fatal
     * INVALID_KEY_SHARE.
     */
    static Secret paddedSecret(KeyExchangeGroup group, String algorithm, PrivateKey ours, String keyAlgorithm,
            KeySpec peer, int length) {
        try {
            return Secret.adopt(FixedLength.leftPad(agree(algorithm, ours, keyAlgorithm, peer), length));
        } catch (GeneralSecurityException | IllegalStateException e) {
            throw TlsException.fatal(Reason.INVALID_KEY_SHARE, group + " agreement failed");
        }
    }
}
