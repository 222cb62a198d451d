package io.tlsmachine.impl.handshake;

import io.tlsmachine.impl.codec.message.CertificateVerify;
import io.tlsmachine.impl.codec.message.ClientKeyExchange;
import io.tlsmachine.impl.codec.message.Finished;
import io.tlsmachine.impl.codec.message.Tls12Certificate;
import io.tlsmachine.model.Negotiated;

/**
 * Declares the TLS 1.2 server's steps (RFC 5246 §7.3 Figures 1-2, RFC 5077); only transitions of the model's
 * TLS 1.2 region call them.
 */
public interface Tls12ServerSteps {

    /** RFC 5246 §7.4.1.3-7.4.5: sends ServerHello..ServerHelloDone, or the abbreviated flight. */
    Negotiated selectParameters(Negotiated facts);

    /** RFC 5246 §7.4.6: processes the client Certificate (possibly empty). */
    Negotiated processClientCertificate(Negotiated facts, Tls12Certificate certificate, byte[] encoded);

    /** RFC 5246 §7.4.7: completes the key exchange. */
    Negotiated processClientKeyExchange(Negotiated facts, ClientKeyExchange exchange, byte[] encoded);

    /** RFC 5246 §7.4.8: verifies the client CertificateVerify. */
    Negotiated processClientCertificateVerify(Negotiated facts, CertificateVerify verify, byte[] encoded);

    /** RFC 5246 §7.1: switches the read keys to the connection keys. */
    Negotiated processChangeCipherSpec(Negotiated facts);

    /** RFC 5246 §7.4.9: verifies the client Finished (full: then sends [NewSessionTicket] ChangeCipherSpec Finished). */
    Negotiated processClientFinished(Negotiated facts, Finished finished, byte[] encoded);
}
