package io.tlsmachine.impl.handshake;

import io.tlsmachine.impl.codec.message.Finished;
import io.tlsmachine.impl.codec.message.ServerHello;
import io.tlsmachine.impl.codec.message.ServerHelloDone;
import io.tlsmachine.impl.codec.message.ServerKeyExchange;
import io.tlsmachine.impl.codec.message.Tls12Certificate;
import io.tlsmachine.impl.codec.message.Tls12CertificateRequest;
import io.tlsmachine.impl.codec.message.Tls12NewSessionTicket;
import io.tlsmachine.model.Negotiated;

/**
 * Declares the TLS 1.2 client's steps (RFC 5246 §7.3 Figures 1-2, RFC 5077), one per received message; only
 * transitions of the model's TLS 1.2 region call them.
 */
public interface Tls12ClientSteps {

    /** RFC 5246 §7.4.1.3: processes ServerHello. */
    Negotiated processServerHello(Negotiated facts, ServerHello hello, byte[] encoded);

    /** RFC 5077 §3.3: stores the ticket with the master secret when we keep tickets. */
    Negotiated processNewSessionTicket(Negotiated facts, Tls12NewSessionTicket ticket, byte[] encoded);

    /** RFC 5246 §7.4.2: validates the server's certificate chain. */
    Negotiated processServerCertificate(Negotiated facts, Tls12Certificate certificate, byte[] encoded);

    /** RFC 5246 §7.4.3: verifies the ServerKeyExchange signature and keeps the server's share. */
    Negotiated processServerKeyExchange(Negotiated facts, ServerKeyExchange exchange, byte[] encoded);

    /** RFC 5246 §7.4.4: records the CertificateRequest. */
    Negotiated processCertificateRequest(Negotiated facts, Tls12CertificateRequest request, byte[] encoded);

    /** RFC 5246 §7.4.5-7.4.9: sends [Certificate] ClientKeyExchange [CertificateVerify] ChangeCipherSpec Finished. */
    Negotiated processServerHelloDone(Negotiated facts, ServerHelloDone done, byte[] encoded);

    /** RFC 5246 §7.1: switches the read keys to the connection keys. */
    Negotiated processChangeCipherSpec(Negotiated facts);

    /** RFC 5246 §7.4.9: verifies the server Finished (abbreviated: then sends ChangeCipherSpec and Finished). */
    Negotiated processServerFinished(Negotiated facts, Finished finished, byte[] encoded);
}
