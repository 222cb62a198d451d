package io.tlsmachine.impl.handshake;

import io.tlsmachine.impl.codec.message.CertificateVerify;
import io.tlsmachine.impl.codec.message.EndOfEarlyData;
import io.tlsmachine.impl.codec.message.Finished;
import io.tlsmachine.impl.codec.message.Tls13Certificate;
import io.tlsmachine.model.Negotiated;

/**
 * Declares the TLS 1.3 server's steps (RFC 8446 Appendix A.2); only transitions of the model's TLS 1.3 region call
 * them. The steps that decide (the flight follows; another ticket) return a {@link Decision}.
 */
public interface Tls13ServerSteps {

    /** RFC 8446 §4.1.1: everything was chosen while reading the ClientHello; decides that the flight follows. */
    Decision selectParameters(Negotiated facts);

    /** RFC 8446 §4.1.3-4.4.4: sends ServerHello..Finished and derives handshake and application keys. */
    Negotiated sendServerFlight(Negotiated facts);

    /** RFC 8446 §4.5: EndOfEarlyData; switches the read keys to handshake keys. */
    Negotiated processEndOfEarlyData(Negotiated facts, EndOfEarlyData message, byte[] encoded);

    /** RFC 8446 §4.4.2: processes the client Certificate (possibly empty; also after the handshake, §4.6.2). */
    Negotiated processClientCertificate(Negotiated facts, Tls13Certificate certificate, byte[] encoded);

    /** RFC 8446 §4.4.3: verifies the client CertificateVerify. */
    Negotiated processClientCertificateVerify(Negotiated facts, CertificateVerify verify, byte[] encoded);

    /** RFC 8446 §4.4.4: verifies the client Finished; may send NewSessionTicket and decide on another. */
    Decision processClientFinished(Negotiated facts, Finished finished, byte[] encoded);

    /** RFC 8446 §4.6.1: sends a NewSessionTicket when tickets are enabled, and decides on another. */
    Decision sendNewSessionTicket(Negotiated facts);

    /** RFC 8446 §4.6.2: sends a post-handshake CertificateRequest. */
    Negotiated requestClientAuth(Negotiated facts);

    /** RFC 8446 §4.6.2: refuses to request client auth from a client that did not offer post_handshake_auth. */
    Negotiated declineClientAuth(Negotiated facts);
}
