package io.tlsmachine.model.client;

import io.tlsmachine.model.Negotiated;
import io.tlsmachine.model.Step;
import java.util.function.BiFunction;

/** Names each client transition's action; each calls one {@link ClientSteps} method. */
public enum ClientStep implements Step<ClientSteps> {
    SEND_CLIENT_HELLO(ClientSteps::sendClientHello),
    PROCESS_HELLO_RETRY_REQUEST(ClientSteps::processHelloRetryRequest),
    PROCESS_SERVER_HELLO(ClientSteps::processServerHello),
    PROCESS_ENCRYPTED_EXTENSIONS(ClientSteps::processEncryptedExtensions),
    PROCESS_CERTIFICATE_REQUEST(ClientSteps::processCertificateRequest),
    PROCESS_SERVER_CERTIFICATE(ClientSteps::processServerCertificate),
    PROCESS_SERVER_CERTIFICATE_VERIFY(ClientSteps::processServerCertificateVerify),
    PROCESS_SERVER_FINISHED(ClientSteps::processServerFinished),
    PROCESS_NEW_SESSION_TICKET(ClientSteps::processNewSessionTicket),
    PROCESS_POST_HANDSHAKE_CERTIFICATE_REQUEST(ClientSteps::processPostHandshakeCertificateRequest),
    PROCESS_SERVER_KEY_EXCHANGE(ClientSteps::processServerKeyExchange),
    PROCESS_SERVER_HELLO_DONE(ClientSteps::processServerHelloDone),
    PROCESS_CHANGE_CIPHER_SPEC(ClientSteps::processChangeCipherSpec),
    PROCESS_TLS12_SERVER_FINISHED(ClientSteps::processTls12ServerFinished),
    IGNORE_HELLO_REQUEST(ClientSteps::ignoreHelloRequest),
    IGNORE_CHANGE_CIPHER_SPEC(ClientSteps::ignoreChangeCipherSpec),
    RECEIVE_APPLICATION_DATA(ClientSteps::receiveApplicationData),
    WRITE_APPLICATION_DATA(ClientSteps::writeApplicationData),
    PROCESS_KEY_UPDATE(ClientSteps::processKeyUpdate),
    REQUEST_KEY_UPDATE(ClientSteps::requestKeyUpdate),
    CLOSE(ClientSteps::close),
    RECEIVE_CLOSE_NOTIFY(ClientSteps::receiveCloseNotify),
    RECEIVE_WARNING_ALERT(ClientSteps::receiveWarningAlert),
    RECEIVE_FATAL_ALERT(ClientSteps::receiveFatalAlert),
    REFUSE_RENEGOTIATION(ClientSteps::refuseRenegotiation),
    ABORT_HANDSHAKE(ClientSteps::abortHandshake);

    private final BiFunction<ClientSteps, Negotiated, Negotiated> method;

    ClientStep(BiFunction<ClientSteps, Negotiated, Negotiated> method) {
        this.method = method;
    }

    @Override
    public Negotiated apply(ClientSteps port, Negotiated facts) {
        return method.apply(port, facts);
    }
}
