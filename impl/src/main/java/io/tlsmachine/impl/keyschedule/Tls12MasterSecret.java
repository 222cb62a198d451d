package io.tlsmachine.impl.keyschedule;

import io.tlsmachine.model.analysis.Role;
import io.tlsmachine.impl.crypto.AeadAlgorithm;
import io.tlsmachine.impl.crypto.Secret;
import io.tlsmachine.Reason;
import io.tlsmachine.TlsException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.security.auth.Destroyable;

/**
 * The TLS 1.2 master secret (RFC 5246 §8.1, or the extended master secret of RFC 7627 §4) and what
 * it gives: the key block (§6.3), Finished verify_data (§7.4.9) and exported keying material
 * (RFC 5705 §4).
 */
public final class Tls12MasterSecret implements Destroyable {
    /** RFC 5246 §8.1: the master secret is always 48 bytes. */
    public static final int LENGTH = 48;
    /** RFC 5246 §7.4.9: verify_data_length is 12 for every cipher suite we implement. */
    public static final int VERIFY_DATA_LENGTH = 12;

    private final Tls12Prf prf;
    private final Secret secret;
    private final boolean extended;

    private Tls12MasterSecret(Tls12Prf prf, Secret secret, boolean extended) {
        this.prf = prf;
        this.secret = secret;
        this.extended = extended;
    }

    /**
     * Whether this is an extended master secret (RFC 7627 §4); a resumed one always is, as we keep and resume only
     * sessions that used it (RFC 7627 §5.3).
     */
    public boolean extended() {
        return extended;
    }

    /**
     * RFC 5246 §8.1: master_secret = PRF(pre_master_secret, "master secret",
     * ClientHello.random + ServerHello.random)[0..47]. The caller keeps ownership of the premaster.
     */
    public static Tls12MasterSecret fromPremaster(Tls12Prf prf, Secret premaster, byte[] clientRandom, byte[] serverRandom) {
        requireRandom(clientRandom);
        requireRandom(serverRandom);
        return new Tls12MasterSecret(prf, prf.derive(premaster, "master secret", LENGTH, clientRandom, serverRandom), false);
    }

    /**
     * RFC 7627 §4: master_secret = PRF(pre_master_secret, "extended master secret",
     * session_hash)[0..47], session_hash being the transcript hash through ClientKeyExchange
     * (§3). The caller keeps ownership of the premaster.
     */
    public static Tls12MasterSecret extendedFromPremaster(Tls12Prf prf, Secret premaster, byte[] sessionHash) {
        if (sessionHash.length != prf.hash().length()) {
            throw new IllegalArgumentException("session_hash of " + sessionHash.length + " bytes for " + prf.hash());
        }
        return new Tls12MasterSecret(prf, prf.derive(premaster, "extended master secret", LENGTH, sessionHash), true);
    }

    /** Restores the master secret of a resumed session (RFC 5246 §7.3, RFC 5077): always an extended one (see {@link #extended()}). */
    public static Tls12MasterSecret resumed(Tls12Prf prf, Secret masterSecret) {
        if (masterSecret.length() != LENGTH) {
            throw new IllegalArgumentException("a TLS 1.2 master secret has 48 bytes");
        }
        return new Tls12MasterSecret(prf, masterSecret, true);
    }

    /**
     * RFC 5246 §6.3: key_block = PRF(master_secret, "key expansion", server_random + client_random),
     * cut into client_write_MAC_key, server_write_MAC_key (both empty for AEAD suites),
     * client_write_key, server_write_key, client_write_IV, server_write_IV.
     */
    public Tls12KeyBlock keyBlock(AeadAlgorithm aead, byte[] clientRandom, byte[] serverRandom) {
        requireRandom(clientRandom);
        requireRandom(serverRandom);
        int keyLength = aead.keyLength();
        int ivLength = Tls12KeyBlock.fixedIvLength(aead);
        Secret block = prf.derive(secret, "key expansion", 2 * (keyLength + ivLength), serverRandom, clientRandom);
        try {
            byte[] bytes = block.bytes();
            TrafficKeys client = new TrafficKeys(aead, slice(bytes, 0, keyLength), slice(bytes, 2 * keyLength, ivLength));
            TrafficKeys server = new TrafficKeys(aead, slice(bytes, keyLength, keyLength), slice(bytes, 2 * keyLength + ivLength, ivLength));
            return new Tls12KeyBlock(client, server);
        } finally {
            block.destroy();
        }
    }

    /**
     * RFC 5246 §7.4.9: verify_data = PRF(master_secret, finished_label,
     * Hash(handshake_messages))[0..11], finished_label being "client finished" for the client's
     * Finished and "server finished" for the server's.
     */
    public byte[] finishedVerifyData(Role sender, byte[] handshakeHash) {
        String label = sender == Role.CLIENT ? "client finished" : "server finished";
        Secret output = prf.derive(secret, label, VERIFY_DATA_LENGTH, handshakeHash);
        byte[] verifyData = output.bytes().clone();
        output.destroy();
        return verifyData;
    }

    /**
     * Checks the verify_data of a Finished received from {@code sender}, in constant time.
     *
     * @throws TlsException with reason {@link Reason#BAD_FINISHED}
     */
    public void checkFinished(Role sender, byte[] handshakeHash, byte[] receivedVerifyData) {
        byte[] expected = finishedVerifyData(sender, handshakeHash);
        try {
            if (!MessageDigest.isEqual(expected, receivedVerifyData)) {
                throw TlsException.fatal(Reason.BAD_FINISHED, sender.name().toLowerCase() + " Finished.verify_data does not match");
            }
        } finally {
            Arrays.fill(expected, (byte) 0);
        }
    }

    /**
     * RFC 5705 §4: PRF(master_secret, label, client_random + server_random [+ context_value_length +
     * context_value])[length]. A {@code null} context means "no context", which differs from an
     * empty one.
     */
    public byte[] export(String label, byte[] clientRandom, byte[] serverRandom, byte[] context, int length) {
        requireRandom(clientRandom);
        requireRandom(serverRandom);
        Secret output;
        if (context == null) {
            output = prf.derive(secret, label, length, clientRandom, serverRandom);
        } else {
            if (context.length > 0xFFFF) {
                throw new IllegalArgumentException("exporter context longer than 65535 bytes");
            }
            byte[] contextLength = {(byte) (context.length >>> 8), (byte) context.length};
            output = prf.derive(secret, label, length, clientRandom, serverRandom, contextLength, context);
        }
        byte[] exported = output.bytes().clone();
        output.destroy();
        return exported;
    }

    /** Returns the master secret itself, to store in a session cache or ticket; never log it. */
    public Secret secret() {
        return secret;
    }

    private static Secret slice(byte[] bytes, int offset, int length) {
        return Secret.adopt(Arrays.copyOfRange(bytes, offset, offset + length));
    }

    private static void requireRandom(byte[] random) {
        if (random.length != 32) {
            throw new IllegalArgumentException("a Random has 32 bytes, not " + random.length);
        }
    }

    @Override
    public void destroy() {
        secret.destroy();
    }

    @Override
    public boolean isDestroyed() {
        return secret.isDestroyed();
    }

    @Override
    public String toString() {
        return "Tls12MasterSecret[" + prf.hash() + (secret.isDestroyed() ? ", destroyed]" : "]");
    }
}
