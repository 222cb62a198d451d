package io.tlsmachine.impl.handshake;

import io.tlsmachine.impl.codec.message.CertificateVerify;
import io.tlsmachine.impl.codec.message.EncryptedExtensions;
import io.tlsmachine.impl.codec.message.Finished;
import io.tlsmachine.impl.codec.message.HelloRetryRequest;
import io.tlsmachine.impl.codec.message.ServerHello;
import io.tlsmachine.impl.codec.message.Tls13Certificate;
import io.tlsmachine.impl.codec.message.Tls13CertificateRequest;
import io.tlsmachine.impl.codec.message.Tls13NewSessionTicket;
import io.tlsmachine.model.Negotiated;

/**
 * Declares the TLS 1.3 client's steps (RFC 8446 Appendix A.1), one per received message; each gets the message and
 * its exact bytes (for the transcript). The model chooses them: only transitions of its TLS 1.3 region call them.
 */
public interface Tls13ClientSteps {

    /** RFC 8446 §4.1.4: answers HelloRetryRequest with a second ClientHello. */
    Negotiated processHelloRetryRequest(Negotiated facts, HelloRetryRequest hrr, byte[] encoded);

    /** RFC 8446 §4.1.3: processes ServerHello and derives the handshake keys. */
    Negotiated processServerHello(Negotiated facts, ServerHello hello, byte[] encoded);

    /** RFC 8446 §4.3.1. */
    Negotiated processEncryptedExtensions(Negotiated facts, EncryptedExtensions extensions, byte[] encoded);

    /** RFC 8446 §4.3.2: records the CertificateRequest of the handshake. */
    Negotiated processCertificateRequest(Negotiated facts, Tls13CertificateRequest request, byte[] encoded);

    /** RFC 8446 §4.4.2: validates the server's certificate chain. */
    Negotiated processServerCertificate(Negotiated facts, Tls13Certificate certificate, byte[] encoded);

    /** RFC 8446 §4.4.3: verifies the server's CertificateVerify signature. */
    Negotiated processServerCertificateVerify(Negotiated facts, CertificateVerify verify, byte[] encoded);

    /** RFC 8446 §4.4.4: verifies the server Finished, sends the client's flight, derives application keys. */
    Negotiated processServerFinished(Negotiated facts, Finished finished, byte[] encoded);

    /** RFC 8446 §4.6.1: stores a NewSessionTicket. */
    Negotiated processNewSessionTicket(Negotiated facts, Tls13NewSessionTicket ticket, byte[] encoded);

    /** RFC 8446 §4.6.2: answers a post-handshake CertificateRequest. */
    Negotiated processPostHandshakeCertificateRequest(Negotiated facts, Tls13CertificateRequest request, byte[] encoded);
}
