package io.tlsmachine.model.client;

import io.tlsmachine.model.ConnectionSteps;
import io.tlsmachine.model.Negotiated;

/**
 * Declares the client's handshake steps, one per kind of transition: the model's own vocabulary, which
 * runners call for tests' recording fakes ({@code MachineRunner#fire}). The engine takes transitions instead
 * ({@code MachineRunner#take}) and runs its own handler per transition, with the message. None chooses the next state.
 */
public interface ClientSteps extends ConnectionSteps {

    /** RFC 8446 §4.1.2, RFC 5246 §7.4.1.2: sends ClientHello (and, TLS 1.3, any 0-RTT data). */
    Negotiated sendClientHello(Negotiated facts);

    /** RFC 8446 §4.1.4: answers HelloRetryRequest with a second ClientHello. */
    Negotiated processHelloRetryRequest(Negotiated facts);

    /** RFC 8446 §4.1.3, RFC 5246 §7.4.1.3: processes ServerHello (TLS 1.3: derives handshake keys). */
    Negotiated processServerHello(Negotiated facts);

    /** RFC 8446 §4.3.1. */
    Negotiated processEncryptedExtensions(Negotiated facts);

    /** RFC 8446 §4.3.2, RFC 5246 §7.4.4: records the CertificateRequest of the handshake. */
    Negotiated processCertificateRequest(Negotiated facts);

    /** RFC 8446 §4.4.2, RFC 5246 §7.4.2: validates the server's certificate chain. */
    Negotiated processServerCertificate(Negotiated facts);

    /** RFC 8446 §4.4.3: verifies the server's CertificateVerify signature. */
    Negotiated processServerCertificateVerify(Negotiated facts);

    /** RFC 8446 §4.4.4: verifies the server Finished, sends the client's flight, derives application keys. */
    Negotiated processServerFinished(Negotiated facts);

    /** RFC 8446 §4.6.1: stores a NewSessionTicket (TLS 1.3) or RFC 5077 §3.3 ticket (TLS 1.2). */
    Negotiated processNewSessionTicket(Negotiated facts);

    /** RFC 8446 §4.6.2: answers a post-handshake CertificateRequest. */
    Negotiated processPostHandshakeCertificateRequest(Negotiated facts);

    /** RFC 5246 §7.4.3: verifies the ServerKeyExchange signature and keeps the server's share. */
    Negotiated processServerKeyExchange(Negotiated facts);

    /** RFC 5246 §7.4.5-7.4.9: sends [Certificate] ClientKeyExchange [CertificateVerify] ChangeCipherSpec Finished. */
    Negotiated processServerHelloDone(Negotiated facts);

    /** RFC 5246 §7.1: switches the read keys to the connection keys. */
    Negotiated processChangeCipherSpec(Negotiated facts);

    /** RFC 5246 §7.4.9: verifies the server Finished (abbreviated: then sends ChangeCipherSpec and Finished). */
    Negotiated processTls12ServerFinished(Negotiated facts);

    /** RFC 5246 §7.4.1.1: ignores HelloRequest while negotiating. */
    Negotiated ignoreHelloRequest(Negotiated facts);
}
