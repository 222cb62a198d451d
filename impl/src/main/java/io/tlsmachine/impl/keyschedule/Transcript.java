package io.tlsmachine.impl.keyschedule;

import io.tlsmachine.impl.crypto.CryptoProvider;
import io.tlsmachine.impl.crypto.Digest;
import io.tlsmachine.impl.crypto.HashAlgorithm;
import java.io.ByteArrayOutputStream;
import java.util.Objects;

/**
 * The running transcript hash over the exact bytes of the handshake messages (RFC 8446 §4.4.1;
 * RFC 5246 §7.4.9 "handshake_messages"; RFC 7627 §3 session_hash).
 *
 * <p>The hash is the cipher suite's (TLS 1.3) or its PRF's (TLS 1.2), known only once the
 * ServerHello or HelloRetryRequest picks the suite; until {@link #selectHash} the messages are
 * buffered. Snapshots ({@link #currentHash}) never end the running hash.
 *
 * <p>TLS 1.2 CertificateVerify signs the messages themselves, not their hash (RFC 5246 §7.4.8),
 * with a hash the signature scheme picks: {@link #retainMessages} keeps a copy for it.
 *
 * <p>Not thread-safe: one per connection.
 */
public final class Transcript {
    /** RFC 8446 §4.4.1: the handshake type of the synthetic message_hash message. */
    static final int MESSAGE_HASH_TYPE = 254;

    private final CryptoProvider provider;
    private ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private Digest digest;
    private int messageCount;
    private ByteArrayOutputStream retained;

    private Transcript(CryptoProvider provider) {
        this.provider = Objects.requireNonNull(provider, "provider");
    }

    /** Starts a transcript whose hash is not known yet (a client before ServerHello, a server before choosing the suite). */
    public static Transcript awaitingHash(CryptoProvider provider) {
        return new Transcript(provider);
    }

    /** Starts a transcript with a known hash. */
    public static Transcript using(CryptoProvider provider, HashAlgorithm hash) {
        Transcript transcript = new Transcript(provider);
        transcript.selectHash(hash);
        return transcript;
    }

    /**
     * Fixes the hash and hashes the messages buffered so far.
     *
     * @throws IllegalStateException when a hash was already selected
     */
    public void selectHash(HashAlgorithm hash) {
        if (digest != null) {
            throw new IllegalStateException("transcript hash already selected: " + digest.algorithm());
        }
        digest = provider.digest(hash);
        byte[] buffered = pending.toByteArray();
        digest.update(buffered);
        pending = null;
    }

    /**
     * Keeps a copy of every message from now on, for {@link #messages}; call it before the first
     * message (a TLS 1.2 server that requests client certificates, a TLS 1.2 client with one).
     *
     * @throws IllegalStateException when messages were already added
     */
    public Transcript retainMessages() {
        if (messageCount > 0) {
            throw new IllegalStateException("retainMessages() after " + messageCount + " messages");
        }
        retained = new ByteArrayOutputStream();
        return this;
    }

    /**
     * RFC 5246 §7.4.8: handshake_messages, all messages so far exactly as added (after a
     * HelloRetryRequest, the synthetic message_hash stands for ClientHello1).
     *
     * @throws IllegalStateException unless {@link #retainMessages} was called
     */
    public byte[] messages() {
        if (retained == null) {
            throw new IllegalStateException("transcript messages were not retained");
        }
        return retained.toByteArray();
    }

    /** Returns whether the messages are retained (see {@link #retainMessages}). */
    public boolean retainsMessages() {
        return retained != null;
    }

    /** Returns whether {@link #selectHash} has been called. */
    public boolean hashSelected() {
        return digest != null;
    }

    /** Returns the selected hash. */
    public HashAlgorithm hash() {
        return requireDigest().algorithm();
    }

    /** Appends one whole handshake message (header included), exactly as sent or received. */
    public void add(byte[] message) {
        add(message, 0, message.length);
    }

    /** Appends one whole handshake message held in {@code buffer[offset, offset+length)}. */
    public void add(byte[] buffer, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        if (digest == null) {
            pending.write(buffer, offset, length);
        } else {
            digest.update(buffer, offset, length);
        }
        if (retained != null) {
            retained.write(buffer, offset, length);
        }
        messageCount++;
    }

    /** Returns how many messages were added (the message_hash substitution counts as one). */
    public int messageCount() {
        return messageCount;
    }

    /** Returns Transcript-Hash of everything added so far, without ending the running hash. */
    public byte[] currentHash() {
        return requireDigest().copy().finish();
    }

    /**
     * RFC 8446 §4.2.11.2: the hash of this transcript followed by the ClientHello "up to and
     * including the PreSharedKeyExtension.identities field", i.e. without the binders list (its
     * length prefix included). The ClientHello is not added. {@code bindersOffset}, the offset of
     * the binders list's length field inside {@code clientHello}, comes from its encoding.
     *
     * <p>{@code hash} is the PSK's hash; a client may compute a binder before the suite is
     * chosen, so the transcript may still be awaiting its hash.
     */
    public byte[] hashWithTruncatedClientHello(HashAlgorithm hash, byte[] clientHello, int bindersOffset) {
        Objects.checkIndex(bindersOffset, clientHello.length);
        Digest snapshot;
        if (digest != null) {
            if (digest.algorithm() != hash) {
                throw new IllegalArgumentException("binder hash " + hash + " differs from the transcript's " + digest.algorithm());
            }
            snapshot = digest.copy();
        } else {
            snapshot = provider.digest(hash);
            snapshot.update(pending.toByteArray());
        }
        snapshot.update(clientHello, 0, bindersOffset);
        return snapshot.finish();
    }

    /**
     * RFC 8446 §4.4.1: after a HelloRetryRequest, "the value of ClientHello1 is replaced with a
     * special synthetic handshake message of handshake type "message_hash" containing
     * Hash(ClientHello1)": {@code 254 || 00 00 Hash.length || Hash(ClientHello1)}. Call it when
     * the transcript holds exactly ClientHello1 and its hash is selected (from the
     * HelloRetryRequest's suite), before adding the HelloRetryRequest.
     *
     * @throws IllegalStateException when the transcript does not hold exactly one message
     */
    public void replaceClientHelloWithMessageHash() {
        Digest current = requireDigest();
        if (messageCount != 1) {
            throw new IllegalStateException("message_hash replaces ClientHello1 only; the transcript holds " + messageCount + " messages");
        }
        byte[] clientHelloHash = current.finish();
        byte[] messageHash = new byte[4 + clientHelloHash.length];
        messageHash[0] = (byte) MESSAGE_HASH_TYPE;
        messageHash[3] = (byte) clientHelloHash.length;
        System.arraycopy(clientHelloHash, 0, messageHash, 4, clientHelloHash.length);
        digest = provider.digest(current.algorithm());
        digest.update(messageHash);
        if (retained != null) {
            retained.reset();
            retained.writeBytes(messageHash);
        }
    }

    private Digest requireDigest() {
        if (digest == null) {
            throw new IllegalStateException("transcript hash not selected yet");
        }
        return digest;
    }

    @Override
    public String toString() {
        return "Transcript[" + (digest == null ? "awaiting hash" : digest.algorithm()) + ", " + messageCount + " messages]";
    }
}
