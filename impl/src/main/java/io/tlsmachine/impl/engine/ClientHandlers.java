package io.tlsmachine.impl.engine;

import static io.tlsmachine.model.client.ClientStep.*;

import io.tlsmachine.impl.codec.message.CertificateVerify;
import io.tlsmachine.impl.codec.message.EncryptedExtensions;
import io.tlsmachine.impl.codec.message.Finished;
import io.tlsmachine.impl.codec.message.HelloRetryRequest;
import io.tlsmachine.impl.codec.message.ServerHello;
import io.tlsmachine.impl.codec.message.ServerHelloDone;
import io.tlsmachine.impl.codec.message.ServerKeyExchange;
import io.tlsmachine.impl.codec.message.Tls12Certificate;
import io.tlsmachine.impl.codec.message.Tls12CertificateRequest;
import io.tlsmachine.impl.codec.message.Tls12NewSessionTicket;
import io.tlsmachine.impl.codec.message.Tls13Certificate;
import io.tlsmachine.impl.codec.message.Tls13CertificateRequest;
import io.tlsmachine.impl.codec.message.Tls13NewSessionTicket;
import io.tlsmachine.impl.handshake.ClientHandshake;
import io.tlsmachine.impl.handshake.SharedSteps;
import io.tlsmachine.impl.handshake.ClientHelloSteps;
import io.tlsmachine.impl.handshake.Tls12ClientSteps;
import io.tlsmachine.impl.handshake.Tls13ClientSteps;
import io.tlsmachine.model.VersionRegion;
import io.tlsmachine.model.client.ClientMachine;
import io.tlsmachine.model.client.ClientState;
import io.tlsmachine.model.client.ClientStep;
import io.tlsmachine.model.client.ClientSteps;

/** Registers the client's handlers, once each: the version's steps for the transitions of its region (checked at class load). */
public final class ClientHandlers {

    /** The client machine's handler table. */
    public static final HandlerTable<ClientState, ClientSteps, ClientHandshake> TABLE = registrations().build(InputMapper::argumentType);

    private ClientHandlers() {
    }

    /** Returns the client's handlers, registered and not yet checked. */
    static HandlerTable.Builder<ClientState, ClientSteps, ClientHandshake> registrations() {
        HandlerTable.Builder<ClientState, ClientSteps, ClientHandshake> table = HandlerTable.builder(ClientMachine.definition());
        table.anyRegion((ClientHandshake c) -> (ClientHelloSteps) c)
                .on(SEND_CLIENT_HELLO, ClientHelloSteps::sendClientHello)
                .on(IGNORE_HELLO_REQUEST, ClientHelloSteps::ignoreHelloRequest);
        SharedHandlers.register(table.anyRegion((ClientHandshake c) -> (SharedSteps) c), ClientStep.class);
        // RFC 8446 Appendix A.1.
        table.port(VersionRegion.TLS13, ClientHandshake::tls13)
                .onMessage(PROCESS_HELLO_RETRY_REQUEST, HelloRetryRequest.class, Tls13ClientSteps::processHelloRetryRequest)
                .onMessage(PROCESS_SERVER_HELLO, ServerHello.class, Tls13ClientSteps::processServerHello)
                .onMessage(PROCESS_ENCRYPTED_EXTENSIONS, EncryptedExtensions.class, Tls13ClientSteps::processEncryptedExtensions)
                .onMessage(PROCESS_CERTIFICATE_REQUEST, Tls13CertificateRequest.class, Tls13ClientSteps::processCertificateRequest)
                .onMessage(PROCESS_SERVER_CERTIFICATE, Tls13Certificate.class, Tls13ClientSteps::processServerCertificate)
                .onMessage(PROCESS_SERVER_CERTIFICATE_VERIFY, CertificateVerify.class,
                        Tls13ClientSteps::processServerCertificateVerify)
                .onMessage(PROCESS_SERVER_FINISHED, Finished.class, Tls13ClientSteps::processServerFinished)
                .onMessage(PROCESS_NEW_SESSION_TICKET, Tls13NewSessionTicket.class, Tls13ClientSteps::processNewSessionTicket)
                .onMessage(PROCESS_POST_HANDSHAKE_CERTIFICATE_REQUEST, Tls13CertificateRequest.class,
                        Tls13ClientSteps::processPostHandshakeCertificateRequest);
        // RFC 5246 §7.3 Figures 1-2, RFC 5077 §3.
        table.port(VersionRegion.TLS12, ClientHandshake::tls12)
                .onMessage(PROCESS_SERVER_HELLO, ServerHello.class, Tls12ClientSteps::processServerHello)
                .onMessage(PROCESS_SERVER_CERTIFICATE, Tls12Certificate.class, Tls12ClientSteps::processServerCertificate)
                .onMessage(PROCESS_SERVER_KEY_EXCHANGE, ServerKeyExchange.class, Tls12ClientSteps::processServerKeyExchange)
                .onMessage(PROCESS_CERTIFICATE_REQUEST, Tls12CertificateRequest.class, Tls12ClientSteps::processCertificateRequest)
                .onMessage(PROCESS_SERVER_HELLO_DONE, ServerHelloDone.class, Tls12ClientSteps::processServerHelloDone)
                .onMessage(PROCESS_NEW_SESSION_TICKET, Tls12NewSessionTicket.class, Tls12ClientSteps::processNewSessionTicket)
                .on(PROCESS_CHANGE_CIPHER_SPEC, Tls12ClientSteps::processChangeCipherSpec)
                .onMessage(PROCESS_TLS12_SERVER_FINISHED, Finished.class, Tls12ClientSteps::processServerFinished);
        return table;
    }
}
