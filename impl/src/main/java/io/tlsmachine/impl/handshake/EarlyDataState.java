package io.tlsmachine.impl.handshake;

import io.tlsmachine.impl.record.Tls13AeadProtection;
import java.io.ByteArrayOutputStream;

/**
 * Holds one connection's 0-RTT state (RFC 8446 §4.2.10): the client's queued early data; the server's early read
 * key, its limit, what it has received against that limit, and the early data not yet taken (kept apart from
 * 1-RTT data). A connection makes it only when 0-RTT comes into play, so one without holds none of it.
 */
final class EarlyDataState {
    /** Client: the early data to send with the first ClientHello, until it is sent. */
    byte[] toSend;
    /** Server: the client's early traffic protection, until EncryptedExtensions engages it. */
    Tls13AeadProtection readProtection;
    /** Server: max_early_data_size as accepted, and the early data bytes received so far. */
    long limit;
    long received;
    /** Server: 0-RTT data received and not yet taken; made when the first arrives. */
    ByteArrayOutputStream in;
}
