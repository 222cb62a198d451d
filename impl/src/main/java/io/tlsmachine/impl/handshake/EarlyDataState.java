package io.tlsmachine.impl.handshake;

import io.tlsmachine.EarlyDataStatus;
import io.tlsmachine.impl.record.Tls13AeadProtection;
import java.io.ByteArrayOutputStream;

/**
 * Holds one connection's 0-RTT state (RFC 8446 §4.2.10): the client's queued early data; the server's early read
 * key, its limit, what it has received against that limit, and the early data not yet taken (kept apart from
 * 1-RTT data). A connection makes it only when 0-RTT comes into play, so one without holds none of it.
 */
final class EarlyDataState {
    /** Client: what became of the early data (RFC 8446 §4.2.10). */
    private EarlyDataStatus status = EarlyDataStatus.NOT_OFFERED;
    /** Client: the early data to send with the first ClientHello, until it is sent. */
    private byte[] toSend;
    /** Server: the client's early traffic protection, until EncryptedExtensions engages it. */
    private Tls13AeadProtection readProtection;
    /** Server: max_early_data_size as accepted, and the early data bytes received so far. */
    private long limit;
    private long received;
    /** Server: 0-RTT data received and not yet taken; made when the first arrives. */
    private ByteArrayOutputStream in;

    /** Returns what became of the client's early data. */
    EarlyDataStatus status() {
        return status;
    }

    /** Client: the early data went out after the first ClientHello; the server has not answered yet. */
    void markSent() {
        status = EarlyDataStatus.PENDING;
    }

    /** Client, RFC 8446 §4.2.10: EncryptedExtensions accepted our early data. */
    void markAccepted() {
        status = EarlyDataStatus.ACCEPTED;
    }

    /** Client, RFC 8446 §4.2.10: the server did not accept the early data we sent (if we sent any). */
    void markRejected() {
        if (status == EarlyDataStatus.PENDING) {
            status = EarlyDataStatus.REJECTED;
        }
    }

    /** Client: queues a copy of {@code data} to send with the first ClientHello. */
    void queue(byte[] data) {
        toSend = data.clone();
    }

    /** Client: takes the early data queued to send (null when none). */
    byte[] takeQueued() {
        byte[] data = toSend;
        toSend = null;
        return data;
    }

    /** Server: accepts up to {@code limit} bytes of early data, read under {@code protection}. */
    void accept(long limit, Tls13AeadProtection protection) {
        this.limit = limit;
        this.readProtection = protection;
    }

    /** Server: takes the early read key to engage it. */
    Tls13AeadProtection takeReadProtection() {
        Tls13AeadProtection protection = readProtection;
        readProtection = null;
        return protection;
    }

    /** Server: keeps received 0-RTT data apart from 1-RTT data, counted against max_early_data_size. */
    void receive(byte[] data) {
        received = ZeroRtt.chargeEarlyData(received, data.length, limit);
        if (in == null) {
            in = new ByteArrayOutputStream();
        }
        in.write(data, 0, data.length);
    }

    /** Server: returns and clears the 0-RTT data received so far (possibly empty). */
    byte[] takeReceived() {
        if (in == null) {
            return new byte[0];
        }
        byte[] data = in.toByteArray();
        in = null;
        return data;
    }
}
