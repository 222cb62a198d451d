package io.tlsmachine.impl.record;

import io.tlsmachine.model.Epoch;
import io.tlsmachine.impl.codec.types.ContentType;
import io.tlsmachine.impl.codec.types.HandshakeType;
import io.tlsmachine.Reason;
import io.tlsmachine.TlsException;
import java.util.ArrayDeque;

/**
 * Reassembles handshake messages that are split across records or coalesced within one, and
 * enforces the record-level message rules of RFC 8446 §5.1 and RFC 5246 §6.2.1.
 *
 * <p>Feed every received record to {@link #accept}, then take the complete messages with
 * {@link #poll} before the next record; tell the assembler about each read key change with
 * {@link #onReadKeyChange}.
 *
 * <ul>
 *   <li>"Handshake messages MUST NOT be interleaved with other record types": a record of another
 *       type while a message is incomplete is {@link Reason#INTERLEAVED_HANDSHAKE}. We apply the
 *       rule to TLS 1.2 too (RFC 5246 does not forbid it, but no implementation we interoperate
 *       with interleaves, and TLS 1.2 renegotiation, which could need it, is not supported).
 *   <li>"Handshake messages MUST NOT span key changes ... MUST verify that all messages
 *       immediately preceding a key change align with a record boundary": bytes still pending
 *       (an incomplete message, or complete ones not yet taken) at a key change, or a fragment
 *       under a different epoch than the start of its message, is
 *       {@link Reason#KEY_CHANGE_NOT_ON_RECORD_BOUNDARY}.
 *   <li>Zero-length handshake, alert and change_cipher_spec records are
 *       {@link Reason#ZERO_LENGTH_FRAGMENT} (RFC 8446 §5.1 "MUST NOT send zero-length fragments of
 *       Handshake types", §5.4; RFC 5246 §6.2.1 adds Alert and ChangeCipherSpec). Zero-length
 *       application data is allowed in both versions (RFC 8446 §5.1, RFC 5246 §6.2.1).
 *   <li>"A record with an Alert type MUST contain exactly one message" (RFC 8446 §5.1): an alert
 *       record of other than two bytes is {@link Reason#MALFORMED_MESSAGE}.
 *   <li>A message longer than the configured maximum is {@link Reason#HANDSHAKE_MESSAGE_TOO_LARGE},
 *       detected from its header before anything is allocated. The uint24 length allows 16 MiB;
 *       like Go's crypto/tls we allow 64 KiB for any message and 256 KiB for Certificate and
 *       CompressedCertificate, whose certificate_list may hold a long chain (RFC 8446 §4.4.2).
 *       When the oversized header follows complete messages in the same record, the failure waits
 *       behind them: {@link #poll} returns them first and throws it only once they are taken, so a
 *       complete message that is itself malformed (an empty ClientHello, say) gets its own
 *       decode_error (RFC 8446 §4: "a message that cannot be parsed according to the syntax")
 *       rather than a limit failure about the bytes after it.
 * </ul>
 */
public final class HandshakeAssembler {
    /** Default largest message other than a certificate chain (Go's maxHandshake). */
    public static final int DEFAULT_MAX_MESSAGE_LENGTH = 1 << 16;
    /** Default largest Certificate or CompressedCertificate message (Go's maxHandshakeCertificateMsg). */
    public static final int DEFAULT_MAX_CERTIFICATE_MESSAGE_LENGTH = 1 << 18;
    /** RFC 8879: compressed_certificate(25). */
    private static final int COMPRESSED_CERTIFICATE = 25;
    private static final int ALERT_LENGTH = 2;

    private final int maxMessageLength;
    private final int maxCertificateMessageLength;
    /** The header of the message being started: made by its first byte, dropped once the message buffer holds it. */
    private byte[] header;
    private int headerFilled;
    private byte[] message;
    private int messageFilled;
    private Epoch pendingEpoch;
    /** Complete messages not yet taken: made for a record that completes one, dropped once all are taken. */
    private ArrayDeque<ReceivedHandshakeMessage> complete;
    /** A framing failure found after complete messages of the same record: thrown by {@link #poll} once they are taken. */
    private TlsException failureAfterComplete;

    /** An assembler with the default size limits. */
    public HandshakeAssembler() {
        this(DEFAULT_MAX_MESSAGE_LENGTH, DEFAULT_MAX_CERTIFICATE_MESSAGE_LENGTH);
    }

    /** An assembler whose messages (header included) are at most these many bytes. */
    public HandshakeAssembler(int maxMessageLength, int maxCertificateMessageLength) {
        if (Math.min(maxMessageLength, maxCertificateMessageLength) < ReceivedHandshakeMessage.HEADER_LENGTH) {
            throw new IllegalArgumentException("maximum message length below the 4-byte header");
        }
        this.maxMessageLength = maxMessageLength;
        this.maxCertificateMessageLength = maxCertificateMessageLength;
    }

    /**
     * Checks a record against the rules above; a handshake record's complete messages become
     * available from {@link #poll}.
     *
     * @return whether the record was handshake content (otherwise the caller handles it now)
     * @throws IllegalStateException when complete messages of an earlier record were not taken
     */
    public boolean accept(ReceivedRecord record) {
        if (complete != null) {
            throw new IllegalStateException("take the complete handshake messages before the next record");
        }
        ContentType type = record.type();
        if (record.length() == 0 && !type.equals(ContentType.APPLICATION_DATA)) {
            throw TlsException.fatal(Reason.ZERO_LENGTH_FRAGMENT, "zero-length " + type + " record");
        }
        if (!type.equals(ContentType.HANDSHAKE)) {
            if (isMessageIncomplete()) {
                throw TlsException.fatal(Reason.INTERLEAVED_HANDSHAKE, type + " record inside a fragmented handshake message");
            }
            if (type.equals(ContentType.ALERT) && record.length() != ALERT_LENGTH) {
                throw TlsException.fatal(Reason.MALFORMED_MESSAGE,
                        "alert record of " + record.length() + " bytes, not one alert");
            }
            return false;
        }
        if (isMessageIncomplete() && pendingEpoch != record.epoch()) {
            throw TlsException.fatal(Reason.KEY_CHANGE_NOT_ON_RECORD_BOUNDARY,
                    "handshake message started under " + pendingEpoch + " continues under " + record.epoch());
        }
        pendingEpoch = record.epoch();
        byte[] fragment = record.fragment();
        int position = 0;
        try {
            while (position < fragment.length) {
                position = consume(fragment, position);
            }
        } catch (TlsException e) {
            if (complete == null) {
                throw e;
            }
            failureAfterComplete = e;
        }
        return true;
    }

    /**
     * Returns the next complete message, or {@code null} when there is none.
     *
     * @throws TlsException the failure found after the complete messages of the last record, once they are taken
     */
    public ReceivedHandshakeMessage poll() {
        if (complete == null) {
            if (failureAfterComplete != null) {
                TlsException failure = failureAfterComplete;
                failureAfterComplete = null;
                throw failure;
            }
            return null;
        }
        ReceivedHandshakeMessage next = complete.poll();
        if (complete.isEmpty()) {
            complete = null;
        }
        return next;
    }

    /** Whether handshake bytes are pending: an incomplete message, or complete ones not yet taken. */
    public boolean hasPendingBytes() {
        return isMessageIncomplete() || complete != null || failureAfterComplete != null;
    }

    /**
     * RFC 8446 §5.1: the read key is about to change (or just changed); fails with
     * KEY_CHANGE_NOT_ON_RECORD_BOUNDARY when handshake bytes of the old key are pending.
     */
    public void onReadKeyChange() {
        if (hasPendingBytes()) {
            throw TlsException.fatal(Reason.KEY_CHANGE_NOT_ON_RECORD_BOUNDARY,
                    "handshake bytes pending under " + pendingEpoch + " at a read key change");
        }
    }

    private boolean isMessageIncomplete() {
        return headerFilled > 0;
    }

    /** Consumes bytes of {@code fragment} from {@code position} towards the current message; returns the new position. */
    private int consume(byte[] fragment, int position) {
        if (headerFilled < ReceivedHandshakeMessage.HEADER_LENGTH) {
            if (header == null) {
                header = new byte[ReceivedHandshakeMessage.HEADER_LENGTH];
            }
            int count = Math.min(ReceivedHandshakeMessage.HEADER_LENGTH - headerFilled, fragment.length - position);
            System.arraycopy(fragment, position, header, headerFilled, count);
            headerFilled += count;
            position += count;
            if (headerFilled < ReceivedHandshakeMessage.HEADER_LENGTH) {
                return position;
            }
            startMessage();
        }
        int count = Math.min(message.length - messageFilled, fragment.length - position);
        System.arraycopy(fragment, position, message, messageFilled, count);
        messageFilled += count;
        position += count;
        if (messageFilled == message.length) {
            if (complete == null) {
                complete = new ArrayDeque<>(4);
            }
            complete.add(new ReceivedHandshakeMessage(new HandshakeType(message[0] & 0xFF), message, pendingEpoch));
            message = null;
            headerFilled = 0;
        }
        return position;
    }

    private void startMessage() {
        int type = header[0] & 0xFF;
        int bodyLength = ((header[1] & 0xFF) << 16) | ((header[2] & 0xFF) << 8) | (header[3] & 0xFF);
        int limit = type == HandshakeType.CERTIFICATE.code() || type == COMPRESSED_CERTIFICATE
                ? maxCertificateMessageLength
                : maxMessageLength;
        long length = (long) ReceivedHandshakeMessage.HEADER_LENGTH + bodyLength;
        if (length > limit) {
            throw TlsException.fatal(Reason.HANDSHAKE_MESSAGE_TOO_LARGE,
                    new HandshakeType(type) + " message of " + length + " bytes exceeds " + limit);
        }
        message = new byte[(int) length];
        System.arraycopy(header, 0, message, 0, ReceivedHandshakeMessage.HEADER_LENGTH);
        header = null;
        messageFilled = ReceivedHandshakeMessage.HEADER_LENGTH;
    }
}
