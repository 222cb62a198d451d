package io.tlsmachine.impl.handshake;

import io.tlsmachine.CertifiedKey;
import io.tlsmachine.impl.codec.Opaque;
import io.tlsmachine.impl.codec.extension.Extension;
import io.tlsmachine.impl.codec.extension.KeyShareEntry;
import io.tlsmachine.impl.codec.extension.KeyShareSelected;
import io.tlsmachine.impl.codec.extension.PreSharedKeySelected;
import io.tlsmachine.impl.codec.extension.SignatureAlgorithms;
import io.tlsmachine.impl.codec.extension.SupportedVersionSelected;
import io.tlsmachine.impl.codec.message.CertificateVerify;
import io.tlsmachine.impl.codec.message.EncryptedExtensions;
import io.tlsmachine.impl.codec.message.Finished;
import io.tlsmachine.impl.codec.message.ServerHello;
import io.tlsmachine.impl.codec.message.Tls13CertificateRequest;
import io.tlsmachine.impl.codec.message.Tls13NewSessionTicket;
import io.tlsmachine.impl.codec.types.SignatureScheme;
import io.tlsmachine.impl.crypto.CertificateVerifyContent;
import io.tlsmachine.impl.crypto.KeyExchange;
import io.tlsmachine.impl.crypto.Secret;
import io.tlsmachine.impl.codec.message.EndOfEarlyData;
import io.tlsmachine.impl.codec.message.Tls13Certificate;
import io.tlsmachine.Reason;
import io.tlsmachine.TlsException;
import io.tlsmachine.impl.negotiation.OfferedExtensions;
import io.tlsmachine.model.Input;
import io.tlsmachine.model.Message;
import io.tlsmachine.model.Negotiated;
import io.tlsmachine.model.Tls13KeyExchange;
import io.tlsmachine.impl.codec.types.VersionCode;
import java.util.ArrayList;
import java.util.List;

/** Runs the TLS 1.3 server steps of RFC 8446 §4: the server flight, then the client's second flight. */
final class Tls13Server implements Tls13ServerSteps {

    private final HandshakeContext ctx;
    /**
     * How much rejected early data we skip at least (RFC 8446 §4.2.10): a client holding another server's ticket may
     * send this much before it sees our answer; with 0-RTT configured, the configured max_early_data_size if larger.
     */
    static final long REJECTED_EARLY_DATA_LIMIT = 1 << 14;

    private final ServerNegotiation negotiation;
    /** During a post-handshake authentication (RFC 8446 §4.6.2): the main handshake's transcript, else null. */
    private io.tlsmachine.impl.keyschedule.Transcript handshakeTranscript;
    /** The certificate_request_context of the pending post-handshake CertificateRequest, or null. */
    private Opaque postHandshakeContext;

    /** The NewSessionTickets of this handshake still to issue after the one sent with the server's answer to Finished. */
    private int ticketsStillToIssue;

    Tls13Server(HandshakeContext ctx, ServerNegotiation negotiation) {
        this.ctx = ctx;
        this.negotiation = negotiation;
    }

    /** RFC 8446 §4.1.1: everything was chosen while reading the ClientHello; the flight follows. */
    @Override
    public Decision selectParameters(Negotiated facts) {
        return Decision.then(facts, Input.SEND_SERVER_FLIGHT);
    }

    /**
     * RFC 8446 §4.1.3-§4.4.4: ServerHello with our share, handshake secrets (§7.1), then under the server handshake
     * key EncryptedExtensions, [CertificateRequest], Certificate, CertificateVerify and Finished; then the
     * application secrets, our application write key, and the client's handshake key for reading.
     */
    @Override
    public Negotiated sendServerFlight(Negotiated facts) {
        ctx.negotiation().recordServerRandom(ctx.random32());
        List<Extension> helloExtensions = new ArrayList<>(List.of(
                new SupportedVersionSelected(VersionCode.TLS13)));
        Secret shared = null;
        // RFC 8446 §4.2.9: psk_ke has no (EC)DHE and so no key_share.
        if (facts.tls13KeyExchange() != Tls13KeyExchange.PSK_ONLY) {
            // The server's side: agree first, then our share (a KEM group's is the ciphertext its encapsulation makes).
            KeyExchange exchange = ctx.crypto().respondKeyExchange(ctx.negotiation().group(), ctx.config().random());
            try {
                shared = exchange.agree(negotiation.clientShare().keyExchange().toByteArray());
                helloExtensions.add(new KeyShareSelected(new KeyShareEntry(Hellos.named(ctx.negotiation().group()), Opaque.of(exchange.publicShare()))));
            } finally {
                Wipe.quietly(exchange);
            }
        }
        if (facts.pskAccepted()) {
            helloExtensions.add(new PreSharedKeySelected(0));
        }
        ctx.flight().handshake(Message.SERVER_HELLO, new ServerHello(VersionCode.TLS12, Opaque.of(ctx.negotiation().serverRandom()), ctx.negotiation().sessionId(),
                ctx.negotiation().suite().suite(), 0, helloExtensions), ctx.transcript());
        try {
            Tls13Keys.deriveHandshakeSecrets(ctx, shared);
        } finally {
            if (shared != null) {
                shared.destroy();
            }
        }
        ctx.flight().writeKey(Tls13Keys.protection(ctx, ctx.schedule().serverHandshakeSecret(), true));
        List<Extension> extensions = new ArrayList<>();
        if (ctx.negotiation().applicationProtocol() != null) {
            extensions.add(Hellos.alpn(List.of(ctx.negotiation().applicationProtocol())));
        }
        if (ctx.negotiation().recordSizeLimitAnswer() != null) {
            extensions.add(ctx.negotiation().recordSizeLimitAnswer());
        }
        if (facts.earlyDataAccepted()) {
            // RFC 8446 §4.2.10: an empty early_data in EncryptedExtensions accepts the client's early data.
            extensions.add(new io.tlsmachine.impl.codec.extension.EarlyData());
        }
        // RFC 8446 §4.2: only responses to what the ClientHello requested.
        ctx.flight().handshake(Message.ENCRYPTED_EXTENSIONS,
                new EncryptedExtensions(OfferedExtensions.answering(negotiation.clientHello(), extensions)), ctx.transcript());
        if (facts.clientAuthRequested()) {
            // RFC 8446 §4.3.2: signature_algorithms is required; the context is empty in the main handshake.
            ctx.flight().handshake(Message.CERTIFICATE_REQUEST, new Tls13CertificateRequest(Opaque.EMPTY,
                    List.of(new SignatureAlgorithms(Hellos.schemes(ctx.config().signatureSchemes())))), ctx.transcript());
        }
        if (!facts.pskAccepted()) {
            CertifiedKey key = ctx.negotiation().credential();
            ctx.flight().handshake(Message.CERTIFICATE, Tls13Keys.certificateMessage(Opaque.EMPTY, key.chain()), ctx.transcript());
            byte[] content = CertificateVerifyContent.forServer(ctx.transcript().currentHash());
            byte[] signature = ctx.crypto().sign(ctx.negotiation().signature(), key.privateKey(), content, ctx.config().random());
            ctx.flight().handshake(Message.CERTIFICATE_VERIFY,
                    new CertificateVerify(new SignatureScheme(ctx.negotiation().signature().code()), Opaque.of(signature)), ctx.transcript());
        } else {
            ctx.negotiation().chooseSignature(null);
        }
        byte[] verifyData = ctx.schedule().serverHandshakeSecret().finishedVerifyData(ctx.transcript().currentHash());
        ctx.flight().handshake(Message.FINISHED, new Finished(Opaque.of(verifyData)), ctx.transcript());
        Tls13Keys.deriveApplicationSecrets(ctx);
        ctx.flight().writeKey(Tls13Keys.protection(ctx, ctx.schedule().serverApplicationSecret(), false));
        if (facts.earlyDataAccepted()) {
            // RFC 8446 §4.2.10, Appendix A.2: the client's early data and EndOfEarlyData come under its early key.
            ctx.records().switchReadKey(ctx.earlyData().takeReadProtection());
            return facts;
        }
        ctx.records().switchReadKey(Tls13Keys.protection(ctx, ctx.schedule().clientHandshakeSecret(), true));
        // RFC 8446 §4.2.10: a client whose early data we reject may already be sending it under keys we do not
        // derive: skip records that fail to deprotect, up to a bound.
        if (facts.earlyDataOffered() && !facts.helloRetryRequested()) {
            ctx.records().reader().skipRejectedEarlyData(Math.max(REJECTED_EARLY_DATA_LIMIT, ctx.config().maxEarlyDataSize()));
        }
        return facts;
    }

    /**
     * RFC 8446 §4.5: EndOfEarlyData (under the early key, at the end of a record) ends the early data; the client's
     * records are read with its handshake key from here on.
     */
    @Override
    public Negotiated processEndOfEarlyData(Negotiated facts, EndOfEarlyData message, byte[] encoded) {
        ctx.transcript().add(encoded);
        ctx.records().switchReadKey(Tls13Keys.protection(ctx, ctx.schedule().clientHandshakeSecret(), true));
        return facts;
    }

    /**
     * RFC 8446 §4.6.1: a ticket sealing the PSK derived from a fresh nonce, with a random ticket_age_add, and the
     * 0-RTT allowance, ALPN protocol and server name early data on it must match (§4.2.10).
     */
    private void issueTicket() {
        byte[] nonce = new byte[8];
        ctx.config().random().nextBytes(nonce);
        io.tlsmachine.impl.crypto.Secret psk = ctx.schedule().resumptionSecret().ticketPsk(nonce);
        long ageAdd = ctx.config().random().nextInt() & 0xFFFF_FFFFL;
        long maxEarlyDataSize = ctx.config().maxEarlyDataSize();
        Opaque ticket = SessionTickets.seal(ctx, psk, ageAdd, maxEarlyDataSize);
        psk.destroy();
        // RFC 8446 §4.6.1: early_data(max_early_data_size) when the ticket may carry 0-RTT data.
        List<Extension> extensions = maxEarlyDataSize > 0
                ? List.of(new io.tlsmachine.impl.codec.extension.EarlyDataLimit(maxEarlyDataSize)) : List.of();
        ctx.flight().handshake(Message.NEW_SESSION_TICKET, new Tls13NewSessionTicket(SessionTickets.LIFETIME_SECONDS, ageAdd,
                Opaque.of(nonce), ticket, extensions), null);
    }

    /**
     * RFC 8446 §4.6.1: "Servers MAY send multiple tickets on a single connection"; each further ticket of this
     * handshake is one SEND_NEW_SESSION_TICKET transition of the model, decided while some remain.
     */
    private Decision furtherTicket(Negotiated facts) {
        if (ticketsStillToIssue > 0) {
            ticketsStillToIssue--;
            return Decision.then(facts, Input.SEND_NEW_SESSION_TICKET);
        }
        return Decision.proceed(facts);
    }

    /**
     * RFC 8446 §4.6.1: another ticket, on request or as one of this handshake's tickets (the model sends it only when
     * this connection issues tickets: enabled, and at least one per handshake).
     */
    @Override
    public Decision sendNewSessionTicket(Negotiated facts) {
        if (!facts.ticketsEnabled()) {
            return Decision.proceed(facts);
        }
        issueTicket();
        return furtherTicket(facts);
    }

    /** RFC 8446 §4.4.3: verifies the client's signature over the transcript through its Certificate. */
    @Override
    public Negotiated processClientCertificateVerify(Negotiated facts, CertificateVerify verify, byte[] encoded) {
        Tls13Keys.verifyCertificateVerify(ctx, verify, ctx.negotiation().peerChain().leafPublicKey(),
                CertificateVerifyContent.forClient(ctx.transcript().currentHash()));
        ctx.transcript().add(encoded);
        return facts;
    }

    /**
     * RFC 8446 §4.4.4: verifies the client Finished; the client's records are read with its application key; with
     * tickets enabled, derives the resumption secret and sends a NewSessionTicket (§4.6.1).
     */
    @Override
    public Decision processClientFinished(Negotiated facts, Finished finished, byte[] encoded) {
        if (handshakeTranscript != null) {
            // RFC 8446 §4.4: a post-handshake Finished is keyed by client_application_traffic_secret_N.
            ctx.schedule().clientApplicationSecret().checkFinished(ctx.transcript().currentHash(), finished.verifyData().toByteArray());
            ctx.restoreTranscript(handshakeTranscript);
            handshakeTranscript = null;
            postHandshakeContext = null;
            return Decision.proceed(facts);
        }
        ctx.schedule().clientHandshakeSecret().checkFinished(ctx.transcript().currentHash(), finished.verifyData().toByteArray());
        ctx.transcript().add(encoded);
        Tls13Keys.deriveResumptionSecret(ctx, facts.ticketsEnabled());
        Decision decision = Decision.proceed(facts);
        if (facts.ticketsEnabled()) {
            issueTicket();
            ticketsStillToIssue = ctx.config().ticketsPerHandshake() - 1;
            decision = furtherTicket(facts);
        }
        ctx.schedule().wipeHandshakeTrafficSecrets();
        ctx.records().switchReadKey(Tls13Keys.protection(ctx, ctx.schedule().clientApplicationSecret(), false));
        return decision;
    }

    /**
     * RFC 8446 §4.6.2, §4.3.2: a CertificateRequest with a fresh, unpredictable context under the application key;
     * the client's answer is read over a fork of the main handshake's transcript.
     */
    @Override
    public Negotiated requestClientAuth(Negotiated facts) {
        postHandshakeContext = Opaque.of(ctx.random32());
        handshakeTranscript = ctx.transcript();
        ctx.beginPostHandshakeTranscript();
        ctx.flight().handshake(Message.CERTIFICATE_REQUEST, new Tls13CertificateRequest(postHandshakeContext,
                List.of(new SignatureAlgorithms(Hellos.schemes(ctx.config().signatureSchemes())))), ctx.transcript());
        return facts;
    }

    /**
     * RFC 8446 §4.4.2.4, §4.6.2: an empty client Certificate is fatal only when a certificate is required; a
     * non-empty one is verified against our trust anchors; after the handshake it echoes the request's context.
     */
    @Override
    public Negotiated processClientCertificate(Negotiated facts, Tls13Certificate certificate, byte[] encoded) {
        if (postHandshakeContext != null && !certificate.certificateRequestContext().equals(postHandshakeContext)) {
            throw TlsException.fatal(Reason.ILLEGAL_PARAMETER, "post-handshake Certificate with another certificate_request_context");
        }
        negotiation.verifyClientCertificate(certificate.entries().stream().map(e -> e.certData().toByteArray()).toList(),
                Reason.CERTIFICATE_REQUIRED);
        ctx.transcript().add(encoded);
        return facts;
    }

    @Override
    public Negotiated declineClientAuth(Negotiated facts) {
        return facts;
    }
}
