package io.tlsmachine.impl.engine;

import static io.tlsmachine.model.server.ServerStep.*;

import io.tlsmachine.impl.codec.message.CertificateVerify;
import io.tlsmachine.impl.codec.message.ClientHello;
import io.tlsmachine.impl.codec.message.ClientKeyExchange;
import io.tlsmachine.impl.codec.message.EndOfEarlyData;
import io.tlsmachine.impl.codec.message.Finished;
import io.tlsmachine.impl.codec.message.Tls12Certificate;
import io.tlsmachine.impl.codec.message.Tls13Certificate;
import io.tlsmachine.impl.handshake.ServerHandshake;
import io.tlsmachine.impl.handshake.SharedSteps;
import io.tlsmachine.impl.handshake.ServerHelloSteps;
import io.tlsmachine.impl.handshake.Tls12ServerSteps;
import io.tlsmachine.impl.handshake.Tls13ServerSteps;
import io.tlsmachine.model.VersionRegion;
import io.tlsmachine.model.server.ServerMachine;
import io.tlsmachine.model.server.ServerState;
import io.tlsmachine.model.server.ServerStep;
import io.tlsmachine.model.server.ServerSteps;

/** Registers the server's handlers, once each: the version's steps for the transitions of its region (checked at class load). */
public final class ServerHandlers {

    /** The server machine's handler table. */
    public static final HandlerTable<ServerState, ServerSteps, ServerHandshake> TABLE = registrations().build(InputMapper::argumentType);

    private ServerHandlers() {
    }

    /** Returns the server's handlers, registered and not yet checked. */
    static HandlerTable.Builder<ServerState, ServerSteps, ServerHandshake> registrations() {
        HandlerTable.Builder<ServerState, ServerSteps, ServerHandshake> table = HandlerTable.builder(ServerMachine.definition());
        table.anyRegion(ServerHandshake::hello)
                .decideOnMessage(PROCESS_CLIENT_HELLO, ClientHello.class, ServerHelloSteps::processClientHello)
                .decideOnMessage(PROCESS_RETRIED_CLIENT_HELLO, ClientHello.class, ServerHelloSteps::processRetriedClientHello)
                .on(SEND_HELLO_RETRY_REQUEST, ServerHelloSteps::sendHelloRetryRequest);
        SharedHandlers.register(table.anyRegion((ServerHandshake c) -> (SharedSteps) c), ServerStep.class);
        // RFC 8446 Appendix A.2.
        table.port(VersionRegion.TLS13, ServerHandshake::tls13)
                .decide(SELECT_PARAMETERS, Tls13ServerSteps::selectParameters)
                .on(SEND_SERVER_FLIGHT, Tls13ServerSteps::sendServerFlight)
                .onMessage(PROCESS_END_OF_EARLY_DATA, EndOfEarlyData.class, Tls13ServerSteps::processEndOfEarlyData)
                .onMessage(PROCESS_CLIENT_CERTIFICATE, Tls13Certificate.class, Tls13ServerSteps::processClientCertificate)
                .onMessage(PROCESS_CLIENT_CERTIFICATE_VERIFY, CertificateVerify.class,
                        Tls13ServerSteps::processClientCertificateVerify)
                .decideOnMessage(PROCESS_CLIENT_FINISHED, Finished.class, Tls13ServerSteps::processClientFinished)
                .decide(SEND_NEW_SESSION_TICKET, Tls13ServerSteps::sendNewSessionTicket)
                .on(REQUEST_CLIENT_AUTH, Tls13ServerSteps::requestClientAuth)
                .on(DECLINE_CLIENT_AUTH, Tls13ServerSteps::declineClientAuth);
        // RFC 5246 §7.3 Figures 1-2, RFC 5077 §3.
        table.port(VersionRegion.TLS12, ServerHandshake::tls12)
                .on(SELECT_PARAMETERS, Tls12ServerSteps::selectParameters)
                .onMessage(PROCESS_CLIENT_CERTIFICATE, Tls12Certificate.class, Tls12ServerSteps::processClientCertificate)
                .onMessage(PROCESS_CLIENT_KEY_EXCHANGE, ClientKeyExchange.class, Tls12ServerSteps::processClientKeyExchange)
                .onMessage(PROCESS_CLIENT_CERTIFICATE_VERIFY, CertificateVerify.class,
                        Tls12ServerSteps::processClientCertificateVerify)
                .on(PROCESS_CHANGE_CIPHER_SPEC, Tls12ServerSteps::processChangeCipherSpec)
                .onMessage(PROCESS_TLS12_CLIENT_FINISHED, Finished.class, Tls12ServerSteps::processClientFinished);
        return table;
    }
}
