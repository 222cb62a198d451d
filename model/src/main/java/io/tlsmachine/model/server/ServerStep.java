package io.tlsmachine.model.server;

import io.tlsmachine.model.Negotiated;
import io.tlsmachine.model.Step;
import java.util.function.BiFunction;

/** Names each server transition's action; each calls one {@link ServerSteps} method. */
public enum ServerStep implements Step<ServerSteps> {
    PROCESS_CLIENT_HELLO(ServerSteps::processClientHello),
    PROCESS_RETRIED_CLIENT_HELLO(ServerSteps::processRetriedClientHello),
    SEND_HELLO_RETRY_REQUEST(ServerSteps::sendHelloRetryRequest),
    SELECT_PARAMETERS(ServerSteps::selectParameters),
    SEND_SERVER_FLIGHT(ServerSteps::sendServerFlight),
    PROCESS_END_OF_EARLY_DATA(ServerSteps::processEndOfEarlyData),
    PROCESS_CLIENT_CERTIFICATE(ServerSteps::processClientCertificate),
    PROCESS_CLIENT_CERTIFICATE_VERIFY(ServerSteps::processClientCertificateVerify),
    PROCESS_CLIENT_FINISHED(ServerSteps::processClientFinished),
    SEND_NEW_SESSION_TICKET(ServerSteps::sendNewSessionTicket),
    REQUEST_CLIENT_AUTH(ServerSteps::requestClientAuth),
    DECLINE_CLIENT_AUTH(ServerSteps::declineClientAuth),
    PROCESS_CLIENT_KEY_EXCHANGE(ServerSteps::processClientKeyExchange),
    PROCESS_CHANGE_CIPHER_SPEC(ServerSteps::processChangeCipherSpec),
    PROCESS_TLS12_CLIENT_FINISHED(ServerSteps::processTls12ClientFinished),
    IGNORE_CHANGE_CIPHER_SPEC(ServerSteps::ignoreChangeCipherSpec),
    RECEIVE_APPLICATION_DATA(ServerSteps::receiveApplicationData),
    WRITE_APPLICATION_DATA(ServerSteps::writeApplicationData),
    PROCESS_KEY_UPDATE(ServerSteps::processKeyUpdate),
    REQUEST_KEY_UPDATE(ServerSteps::requestKeyUpdate),
    CLOSE(ServerSteps::close),
    RECEIVE_CLOSE_NOTIFY(ServerSteps::receiveCloseNotify),
    RECEIVE_WARNING_ALERT(ServerSteps::receiveWarningAlert),
    RECEIVE_FATAL_ALERT(ServerSteps::receiveFatalAlert),
    REFUSE_RENEGOTIATION(ServerSteps::refuseRenegotiation),
    ABORT_HANDSHAKE(ServerSteps::abortHandshake);

    private final BiFunction<ServerSteps, Negotiated, Negotiated> method;

    ServerStep(BiFunction<ServerSteps, Negotiated, Negotiated> method) {
        this.method = method;
    }

    @Override
    public Negotiated apply(ServerSteps port, Negotiated facts) {
        return method.apply(port, facts);
    }
}
