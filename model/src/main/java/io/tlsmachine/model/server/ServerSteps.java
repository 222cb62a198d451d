package io.tlsmachine.model.server;

import io.tlsmachine.model.ConnectionSteps;
import io.tlsmachine.model.Negotiated;

/**
 * Declares the server's handshake steps, one per kind of transition: the model's own vocabulary, which
 * runners call for tests' recording fakes ({@code MachineRunner#fire}). The engine takes transitions instead
 * ({@code MachineRunner#take}) and runs its own handler per transition, with the message. None chooses the next state.
 */
public interface ServerSteps extends ConnectionSteps {

    /** RFC 8446 §4.1.2, RFC 5246 §7.4.1.2: parses and keeps the first ClientHello. */
    Negotiated processClientHello(Negotiated facts);

    /** RFC 8446 §4.1.4: checks the second ClientHello against the first and the HelloRetryRequest. */
    Negotiated processRetriedClientHello(Negotiated facts);

    /** RFC 8446 §4.1.4: sends HelloRetryRequest. */
    Negotiated sendHelloRetryRequest(Negotiated facts);

    /** Selects version, suite, key exchange, resumption; TLS 1.2: sends ServerHello..ServerHelloDone or the abbreviated flight. */
    Negotiated selectParameters(Negotiated facts);

    /** RFC 8446 §4.1.3-4.4.4: sends ServerHello..Finished and derives handshake and application keys. */
    Negotiated sendServerFlight(Negotiated facts);

    /** RFC 8446 §4.5: EndOfEarlyData; switches the read keys to handshake keys. */
    Negotiated processEndOfEarlyData(Negotiated facts);

    /** RFC 8446 §4.4.2, RFC 5246 §7.4.6: processes the client Certificate (possibly empty). */
    Negotiated processClientCertificate(Negotiated facts);

    /** RFC 8446 §4.4.3, RFC 5246 §7.4.8: verifies the client CertificateVerify. */
    Negotiated processClientCertificateVerify(Negotiated facts);

    /** RFC 8446 §4.4.4: verifies the client Finished; may send NewSessionTicket. */
    Negotiated processClientFinished(Negotiated facts);

    /** RFC 8446 §4.6.1: sends a NewSessionTicket when tickets are enabled. */
    Negotiated sendNewSessionTicket(Negotiated facts);

    /** RFC 8446 §4.6.2: sends a post-handshake CertificateRequest. */
    Negotiated requestClientAuth(Negotiated facts);

    /** RFC 8446 §4.6.2: refuses to request client auth from a client that did not offer post_handshake_auth. */
    Negotiated declineClientAuth(Negotiated facts);

    /** RFC 5246 §7.4.7: completes the key exchange. */
    Negotiated processClientKeyExchange(Negotiated facts);

    /** RFC 5246 §7.1: switches the read keys to the connection keys. */
    Negotiated processChangeCipherSpec(Negotiated facts);

    /** RFC 5246 §7.4.9: verifies the client Finished (full: then sends [NewSessionTicket] ChangeCipherSpec Finished). */
    Negotiated processTls12ClientFinished(Negotiated facts);
}
