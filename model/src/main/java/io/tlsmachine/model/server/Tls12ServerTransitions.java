package io.tlsmachine.model.server;

import static io.tlsmachine.model.Epoch.APPLICATION;
import static io.tlsmachine.model.Epoch.PLAINTEXT;
import static io.tlsmachine.model.Guard.ALWAYS;
import static io.tlsmachine.model.Guard.TICKET_EXPECTED;
import static io.tlsmachine.model.Guard.TLS12_ABBREVIATED;
import static io.tlsmachine.model.Guard.TLS12_FULL;
import static io.tlsmachine.model.TransitionListBuilder.send;
import static io.tlsmachine.model.TransitionListBuilder.sendIf;
import static io.tlsmachine.model.server.ServerState.*;

import io.tlsmachine.model.Input;
import io.tlsmachine.model.Message;
import io.tlsmachine.model.TransitionListBuilder;

/**
 * Declares the TLS 1.2 server after its first flight, as RFC 5246 §7.3 Figure 1 (full) and Figure 2 (abbreviated)
 * read from its side, with RFC 5077's NewSessionTicket; the state names are derived in specs/machines/README.md.
 *
 * <pre>{@code
 *   RECVD_CH --select (full, client auth) / ServerHello Certificate [ServerKeyExchange] CertificateRequest
 *              ServerHelloDone--> TLS12_WAIT_CLIENT_CERT
 *   RECVD_CH --select (full) / ServerHello Certificate [ServerKeyExchange] ServerHelloDone--> TLS12_WAIT_CKE
 *   RECVD_CH --select (abbreviated) / ServerHello [NewSessionTicket] [ChangeCipherSpec] Finished--> TLS12_WAIT_CCS
 *   TLS12_WAIT_CLIENT_CERT --Certificate--> TLS12_WAIT_CKE_AFTER_CERT | --empty Certificate--> TLS12_WAIT_CKE
 *   TLS12_WAIT_CKE_AFTER_CERT --ClientKeyExchange--> TLS12_WAIT_CERT_VERIFY --CertificateVerify--> TLS12_WAIT_CCS
 *   TLS12_WAIT_CKE --ClientKeyExchange--> TLS12_WAIT_CCS --[ChangeCipherSpec]--> TLS12_WAIT_FINISHED
 *   TLS12_WAIT_FINISHED --Finished (full: / [NewSessionTicket] [ChangeCipherSpec] Finished)--> TLS12_CONNECTED
 * }</pre>
 */
final class Tls12ServerTransitions {

    private Tls12ServerTransitions() {
    }

    /** Declares the TLS12_ states, from the client Certificate to TLS12_CONNECTED. */
    static void declare(TransitionListBuilder<ServerState, ServerSteps> t) {
        // RFC 5246 §7.4.6, §7.4.8: CertificateVerify only after a non-empty client Certificate.
        t.add(TLS12_WAIT_CLIENT_CERT, Input.CERTIFICATE, PLAINTEXT, ALWAYS, TLS12_WAIT_CKE_AFTER_CERT,
                ServerStep.PROCESS_CLIENT_CERTIFICATE, "RFC 5246 §7.4.6");
        t.add(TLS12_WAIT_CLIENT_CERT, Input.CERTIFICATE_EMPTY, PLAINTEXT, ALWAYS, TLS12_WAIT_CKE,
                ServerStep.PROCESS_CLIENT_CERTIFICATE, "RFC 5246 §7.4.6");
        t.add(TLS12_WAIT_CKE, Input.CLIENT_KEY_EXCHANGE, PLAINTEXT, ALWAYS, TLS12_WAIT_CCS,
                ServerStep.PROCESS_CLIENT_KEY_EXCHANGE, "RFC 5246 §7.4.7");
        t.add(TLS12_WAIT_CKE_AFTER_CERT, Input.CLIENT_KEY_EXCHANGE, PLAINTEXT, ALWAYS, TLS12_WAIT_CERT_VERIFY,
                ServerStep.PROCESS_CLIENT_KEY_EXCHANGE, "RFC 5246 §7.4.7");
        t.add(TLS12_WAIT_CERT_VERIFY, Input.CERTIFICATE_VERIFY, PLAINTEXT, ALWAYS, TLS12_WAIT_CCS,
                ServerStep.PROCESS_CLIENT_CERTIFICATE_VERIFY, "RFC 5246 §7.4.8");
        // CVE-2014-0224: ChangeCipherSpec is accepted only here, after the key exchange is complete.
        t.add(TLS12_WAIT_CCS, Input.CHANGE_CIPHER_SPEC, PLAINTEXT, ALWAYS, TLS12_WAIT_FINISHED,
                ServerStep.PROCESS_CHANGE_CIPHER_SPEC, "RFC 5246 §7.1");
        t.add(TLS12_WAIT_FINISHED, Input.FINISHED, APPLICATION, TLS12_FULL, TLS12_CONNECTED,
                ServerStep.PROCESS_TLS12_CLIENT_FINISHED, "RFC 5246 §7.4.9, §7.3 Figure 1; RFC 5077 §3.3",
                sendIf(Message.NEW_SESSION_TICKET, PLAINTEXT, TICKET_EXPECTED),
                send(Message.CHANGE_CIPHER_SPEC, PLAINTEXT),
                send(Message.FINISHED, APPLICATION));
        t.add(TLS12_WAIT_FINISHED, Input.FINISHED, APPLICATION, TLS12_ABBREVIATED, TLS12_CONNECTED,
                ServerStep.PROCESS_TLS12_CLIENT_FINISHED, "RFC 5246 §7.4.9, §7.3 Figure 2");
        // RFC 5246 §7.4.1.2, §7.2.2: a ClientHello after the handshake is refused with warning no_renegotiation.
        t.add(TLS12_CONNECTED, Input.CLIENT_HELLO, APPLICATION, ALWAYS, TLS12_CONNECTED, ServerStep.REFUSE_RENEGOTIATION,
                "RFC 5246 §7.4.1.2, §7.2.2", send(Message.ALERT_NO_RENEGOTIATION, APPLICATION));
        ServerConnectionTransitions.applicationTraffic(t, TLS12_CONNECTED, "RFC 5246 §6.2, §7.2.1");
    }
}
