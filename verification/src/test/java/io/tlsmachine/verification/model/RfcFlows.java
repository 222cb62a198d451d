package io.tlsmachine.verification.model;

import io.tlsmachine.model.Negotiated;
import io.tlsmachine.model.ProtocolVersion;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes by hand, from the RFC figures, the message sequence a handshake with given facts must produce: RFC 8446
 * §2 Figures 1-4 (1-RTT, HelloRetryRequest, PSK, 0-RTT) with Appendix D.4 (middlebox ChangeCipherSpec), RFC 5246
 * §7.3 Figures 1-2 (full, abbreviated) and RFC 5077 §3.1 Figures 1-2 (tickets).
 *
 * <p>Entries read {@code C Message@epoch} (sent by the client) or {@code S Message@epoch}. The interleaving is the
 * composer's: a side sends its whole flight when the message that triggers it arrives.
 */
final class RfcFlows {

    private final List<String> flow = new ArrayList<>();

    private RfcFlows() {
    }

    /** Returns the expected sequence for a handshake that completes (no downgrade sentinel). */
    static List<String> expected(Negotiated f) {
        RfcFlows r = new RfcFlows();
        if (f.version() == ProtocolVersion.TLS13) {
            r.tls13(f);
        } else if (f.downgradeDetected()) {
            r.downgrade();
        } else if (f.tls12Handshake().abbreviated()) {
            r.tls12Abbreviated(f);
        } else {
            r.tls12Full(f);
        }
        return List.copyOf(r.flow);
    }

    private void tls13(Negotiated f) {
        // RFC 8446 §2.3 Figure 4 and Appendix D.4: when offering 0-RTT, the middlebox CCS follows the first ClientHello.
        c("ClientHello@plaintext");
        if (f.middleboxCompat() && f.earlyDataOffered()) {
            c("ChangeCipherSpec@plaintext");
        }
        if (f.earlyDataOffered()) {
            c("ApplicationData@early");
        }
        if (f.helloRetryRequested()) {
            // RFC 8446 §2.1 Figure 2; Appendix D.4: the server's CCS follows its first handshake message (here the HRR),
            // the client's CCS (not offering 0-RTT) precedes its second flight (here the second ClientHello).
            s("HelloRetryRequest@plaintext");
            if (f.middleboxCompat()) {
                s("ChangeCipherSpec@plaintext");
            }
            if (f.middleboxCompat() && !f.earlyDataOffered()) {
                c("ChangeCipherSpec@plaintext");
            }
            c("ClientHello@plaintext");
        }
        // RFC 8446 §2 Figure 1 (certificate), §2.2 Figure 3 (PSK: no Certificate, no CertificateVerify).
        s("ServerHello@plaintext");
        if (f.middleboxCompat() && !f.helloRetryRequested()) {
            s("ChangeCipherSpec@plaintext");
        }
        s("EncryptedExtensions@handshake");
        if (f.clientAuthRequested()) {
            s("CertificateRequest@handshake");
        }
        if (!f.pskAccepted()) {
            s("Certificate@handshake");
            s("CertificateVerify@handshake");
        }
        s("Finished@handshake");
        // RFC 8446 §2.3 Figure 4: (EndOfEarlyData) when 0-RTT was accepted; Appendix D.4: CCS before the second flight.
        if (f.earlyDataAccepted()) {
            c("EndOfEarlyData@early");
        }
        if (f.middleboxCompat() && !f.earlyDataOffered() && !f.helloRetryRequested()) {
            c("ChangeCipherSpec@plaintext");
        }
        if (f.clientAuthRequested()) {
            // RFC 8446 §4.4.2: an empty Certificate when the client has none; CertificateVerify only with a certificate.
            if (f.clientCertificateAvailable()) {
                c("Certificate@handshake");
                c("CertificateVerify@handshake");
            } else {
                c("Certificate(empty)@handshake");
            }
        }
        c("Finished@handshake");
        // RFC 8446 §2.2 Figure 3: [NewSessionTicket] after the client's Finished.
        if (f.ticketsEnabled()) {
            s("NewSessionTicket@application");
        }
    }

    private void tls12Full(Negotiated f) {
        // RFC 5246 §7.3 Figure 1; ServerKeyExchange exactly for (EC)DHE (§7.4.3).
        c("ClientHello@plaintext");
        s("ServerHello@plaintext");
        s("Certificate@plaintext");
        if (f.tls12KeyExchange().ephemeral()) {
            s("ServerKeyExchange@plaintext");
        }
        if (f.clientAuthRequested()) {
            s("CertificateRequest@plaintext");
        }
        s("ServerHelloDone@plaintext");
        if (f.clientAuthRequested()) {
            c(f.clientCertificateAvailable() ? "Certificate@plaintext" : "Certificate(empty)@plaintext");
        }
        c("ClientKeyExchange@plaintext");
        if (f.clientAuthRequested() && f.clientCertificateAvailable()) {
            c("CertificateVerify@plaintext");
        }
        c("ChangeCipherSpec@plaintext");
        c("Finished@application");
        // RFC 5077 §3.1 Figure 1: NewSessionTicket before the server's ChangeCipherSpec.
        if (f.ticketExpected()) {
            s("NewSessionTicket@plaintext");
        }
        s("ChangeCipherSpec@plaintext");
        s("Finished@application");
    }

    private void tls12Abbreviated(Negotiated f) {
        // RFC 5246 §7.3 Figure 2; RFC 5077 §3.1 Figure 2 (a renewed ticket before the server's ChangeCipherSpec).
        c("ClientHello@plaintext");
        s("ServerHello@plaintext");
        if (f.ticketExpected()) {
            s("NewSessionTicket@plaintext");
        }
        s("ChangeCipherSpec@plaintext");
        s("Finished@application");
        c("ChangeCipherSpec@plaintext");
        c("Finished@application");
    }

    private void downgrade() {
        // RFC 8446 §4.1.3: the client aborts on the ServerHello with the sentinel, after the server sent its flight.
        c("ClientHello@plaintext");
        s("ServerHello@plaintext");
        s("Certificate@plaintext");
        s("ServerKeyExchange@plaintext");
        s("ServerHelloDone@plaintext");
        c("Alert(illegal_parameter)@plaintext");
    }

    private void c(String message) {
        flow.add("C " + message);
    }

    private void s(String message) {
        flow.add("S " + message);
    }
}
