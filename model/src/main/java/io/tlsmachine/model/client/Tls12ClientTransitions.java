package io.tlsmachine.model.client;

import static io.tlsmachine.model.Epoch.APPLICATION;
import static io.tlsmachine.model.Epoch.PLAINTEXT;
import static io.tlsmachine.model.Guard.ALWAYS;
import static io.tlsmachine.model.Guard.CLIENT_CERTIFICATE_AVAILABLE;
import static io.tlsmachine.model.Guard.EPHEMERAL_KEY_EXCHANGE;
import static io.tlsmachine.model.Guard.NO_CLIENT_CERTIFICATE;
import static io.tlsmachine.model.Guard.NO_TICKET_EXPECTED;
import static io.tlsmachine.model.Guard.RSA_KEY_TRANSPORT;
import static io.tlsmachine.model.Guard.TICKET_EXPECTED;
import static io.tlsmachine.model.Guard.TLS12_ABBREVIATED;
import static io.tlsmachine.model.Guard.TLS12_FULL;
import static io.tlsmachine.model.TransitionListBuilder.send;
import static io.tlsmachine.model.TransitionListBuilder.sendIf;
import static io.tlsmachine.model.client.ClientState.*;

import io.tlsmachine.model.Input;
import io.tlsmachine.model.Message;
import io.tlsmachine.model.Output;
import io.tlsmachine.model.TransitionListBuilder;
import java.util.List;

/**
 * Declares the TLS 1.2 client after ServerHello, as RFC 5246 §7.3 Figure 1 (full) and Figure 2 (abbreviated) read
 * from its side, with RFC 5077's NewSessionTicket; the state names are derived in specs/machines/README.md.
 *
 * <pre>{@code
 *   WAIT_SH --ServerHello (full)--> TLS12_WAIT_CERT
 *   TLS12_WAIT_CERT --Certificate--> TLS12_WAIT_SKE ((EC)DHE) | TLS12_WAIT_CR_OR_SHD (RSA)
 *   TLS12_WAIT_SKE --ServerKeyExchange--> TLS12_WAIT_CR_OR_SHD
 *   TLS12_WAIT_CR_OR_SHD --CertificateRequest--> TLS12_WAIT_SHD
 *   TLS12_WAIT_CR_OR_SHD, TLS12_WAIT_SHD --ServerHelloDone / [Certificate] ClientKeyExchange [CertificateVerify]
 *                                         [ChangeCipherSpec] Finished--> TLS12_WAIT_NST (ticket) | TLS12_WAIT_CCS
 *   WAIT_SH --ServerHello (abbreviated)--> TLS12_WAIT_NST (ticket) | TLS12_WAIT_CCS
 *   TLS12_WAIT_NST --NewSessionTicket--> TLS12_WAIT_CCS --[ChangeCipherSpec]--> TLS12_WAIT_FINISHED
 *   TLS12_WAIT_FINISHED --Finished (abbreviated: / [ChangeCipherSpec] Finished)--> TLS12_CONNECTED
 * }</pre>
 */
final class Tls12ClientTransitions {

    private Tls12ClientTransitions() {
    }

    /** Declares the TLS12_ states, from the server Certificate to TLS12_CONNECTED. */
    static void declare(TransitionListBuilder<ClientState, ClientSteps> t) {
        // RFC 5246 §7.4.3: ServerKeyExchange is sent for (EC)DHE and MUST NOT be sent for RSA key transport.
        t.add(TLS12_WAIT_CERT, Input.CERTIFICATE, PLAINTEXT, EPHEMERAL_KEY_EXCHANGE, TLS12_WAIT_SKE,
                ClientStep.PROCESS_SERVER_CERTIFICATE, "RFC 5246 §7.4.2, §7.4.3; RFC 4492 §5.4");
        t.add(TLS12_WAIT_CERT, Input.CERTIFICATE, PLAINTEXT, RSA_KEY_TRANSPORT, TLS12_WAIT_CR_OR_SHD,
                ClientStep.PROCESS_SERVER_CERTIFICATE, "RFC 5246 §7.4.2, §7.4.3");
        t.add(TLS12_WAIT_SKE, Input.SERVER_KEY_EXCHANGE, PLAINTEXT, ALWAYS, TLS12_WAIT_CR_OR_SHD,
                ClientStep.PROCESS_SERVER_KEY_EXCHANGE, "RFC 5246 §7.4.3");
        t.add(TLS12_WAIT_CR_OR_SHD, Input.CERTIFICATE_REQUEST, PLAINTEXT, ALWAYS, TLS12_WAIT_SHD,
                ClientStep.PROCESS_CERTIFICATE_REQUEST, "RFC 5246 §7.4.4");
        Output[] plainFlight = {
            send(Message.CLIENT_KEY_EXCHANGE, PLAINTEXT),
            send(Message.CHANGE_CIPHER_SPEC, PLAINTEXT),
            send(Message.FINISHED, APPLICATION)};
        // RFC 5246 §7.4.6, §7.4.8: a Certificate (empty when none is suitable) after CertificateRequest;
        // CertificateVerify only after a non-empty one.
        Output[] certifiedFlight = {
            sendIf(Message.CERTIFICATE, PLAINTEXT, CLIENT_CERTIFICATE_AVAILABLE),
            sendIf(Message.CERTIFICATE_EMPTY, PLAINTEXT, NO_CLIENT_CERTIFICATE),
            send(Message.CLIENT_KEY_EXCHANGE, PLAINTEXT),
            sendIf(Message.CERTIFICATE_VERIFY, PLAINTEXT, CLIENT_CERTIFICATE_AVAILABLE),
            send(Message.CHANGE_CIPHER_SPEC, PLAINTEXT),
            send(Message.FINISHED, APPLICATION)};
        String flightRfc = "RFC 5246 §7.3 Figure 1, §7.4.5-§7.4.9; RFC 5077 §3.3";
        t.add(TLS12_WAIT_CR_OR_SHD, Input.SERVER_HELLO_DONE, PLAINTEXT, TICKET_EXPECTED, TLS12_WAIT_NST,
                ClientStep.PROCESS_SERVER_HELLO_DONE, flightRfc, plainFlight);
        t.add(TLS12_WAIT_CR_OR_SHD, Input.SERVER_HELLO_DONE, PLAINTEXT, NO_TICKET_EXPECTED, TLS12_WAIT_CCS,
                ClientStep.PROCESS_SERVER_HELLO_DONE, flightRfc, plainFlight);
        t.add(TLS12_WAIT_SHD, Input.SERVER_HELLO_DONE, PLAINTEXT, TICKET_EXPECTED, TLS12_WAIT_NST,
                ClientStep.PROCESS_SERVER_HELLO_DONE, flightRfc, certifiedFlight);
        t.add(TLS12_WAIT_SHD, Input.SERVER_HELLO_DONE, PLAINTEXT, NO_TICKET_EXPECTED, TLS12_WAIT_CCS,
                ClientStep.PROCESS_SERVER_HELLO_DONE, flightRfc, certifiedFlight);
        // RFC 5077 §3.3: NewSessionTicket comes before the server's ChangeCipherSpec, in full and abbreviated flows.
        t.add(TLS12_WAIT_NST, Input.NEW_SESSION_TICKET, PLAINTEXT, ALWAYS, TLS12_WAIT_CCS,
                ClientStep.PROCESS_NEW_SESSION_TICKET, "RFC 5077 §3.3");
        // CVE-2014-0224: ChangeCipherSpec is accepted only here, after the key exchange is complete.
        t.add(TLS12_WAIT_CCS, Input.CHANGE_CIPHER_SPEC, PLAINTEXT, ALWAYS, TLS12_WAIT_FINISHED,
                ClientStep.PROCESS_CHANGE_CIPHER_SPEC, "RFC 5246 §7.1");
        t.add(TLS12_WAIT_FINISHED, Input.FINISHED, APPLICATION, TLS12_FULL, TLS12_CONNECTED,
                ClientStep.PROCESS_TLS12_SERVER_FINISHED, "RFC 5246 §7.4.9, §7.3 Figure 1");
        t.add(TLS12_WAIT_FINISHED, Input.FINISHED, APPLICATION, TLS12_ABBREVIATED, TLS12_CONNECTED,
                ClientStep.PROCESS_TLS12_SERVER_FINISHED, "RFC 5246 §7.4.9, §7.3 Figure 2",
                send(Message.CHANGE_CIPHER_SPEC, PLAINTEXT), send(Message.FINISHED, APPLICATION));
        // RFC 5246 §7.4.1.1: HelloRequest is ignored while a handshake is in progress.
        for (ClientState s : List.of(TLS12_WAIT_CERT, TLS12_WAIT_SKE, TLS12_WAIT_CR_OR_SHD, TLS12_WAIT_SHD,
                TLS12_WAIT_NST, TLS12_WAIT_CCS, TLS12_WAIT_FINISHED)) {
            t.add(s, Input.HELLO_REQUEST, s.readEpoch(), ALWAYS, s, ClientStep.IGNORE_HELLO_REQUEST, "RFC 5246 §7.4.1.1");
        }
        // RFC 5246 §7.4.1.1, §7.2.2: renegotiation is refused with a warning no_renegotiation alert.
        t.add(TLS12_CONNECTED, Input.HELLO_REQUEST, APPLICATION, ALWAYS, TLS12_CONNECTED,
                ClientStep.REFUSE_RENEGOTIATION, "RFC 5246 §7.4.1.1, §7.2.2",
                send(Message.ALERT_NO_RENEGOTIATION, APPLICATION));
        ClientConnectionTransitions.applicationTraffic(t, TLS12_CONNECTED, "RFC 5246 §6.2, §7.2.1");
    }
}
