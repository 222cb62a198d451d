package io.tlsmachine.impl.handshake;

import io.tlsmachine.impl.certificate.CertificateChain;
import io.tlsmachine.impl.codec.message.ClientHello;
import io.tlsmachine.impl.codec.message.Tls12Certificate;
import io.tlsmachine.impl.codec.message.Tls13Certificate;
import io.tlsmachine.impl.codec.Opaque;
import io.tlsmachine.ClientAuthPolicy;
import io.tlsmachine.TlsConfig;
import io.tlsmachine.impl.error.Reason;
import io.tlsmachine.impl.error.TlsException;
import io.tlsmachine.impl.keyschedule.Transcript;
import io.tlsmachine.model.Negotiated;
import io.tlsmachine.model.ProtocolVersion;
import io.tlsmachine.model.server.ServerSteps;
import java.util.List;

/**
 * Implements the server's steps with real codecs and crypto: {@link ServerNegotiation} reads the ClientHello and
 * makes the server's decisions; {@link Tls13Server} and {@link Tls12Server} run each version's flights.
 */
public final class ServerHandshake extends CommonSteps implements ServerSteps {

    private final ServerNegotiation negotiation;
    private Tls13Server tls13;
    private Tls12Server tls12;

    @Override
    void releaseHandshakeState() {
        negotiation.releaseHandshakeState();
    }

    public ServerHandshake(HandshakeContext ctx) {
        super(ctx);
        if (ctx.config.certifiedKey().isEmpty()) {
            throw new IllegalArgumentException("a server needs a certificate chain and private key");
        }
        if (ctx.config.clientAuth() != ClientAuthPolicy.NONE) {
            ctx.transcript = Transcript.awaitingHash(ctx.crypto).retainMessages();
        }
        this.negotiation = new ServerNegotiation(ctx);
    }

    /** Returns the facts a server starts with (the ClientHello establishes the rest). */
    public static Negotiated initialFacts(TlsConfig config) {
        return Negotiated.tls13();
    }

    private boolean tls13() {
        return ctx.version == ProtocolVersion.TLS13;
    }

    @Override
    public Negotiated processClientHello(Negotiated facts) {
        return negotiation.processClientHello(facts);
    }

    @Override
    public Negotiated processRetriedClientHello(Negotiated facts) {
        return negotiation.processRetriedClientHello(facts);
    }

    @Override
    public Negotiated sendHelloRetryRequest(Negotiated facts) {
        return negotiation.sendHelloRetryRequest(facts);
    }

    @Override
    public Negotiated selectParameters(Negotiated facts) {
        return tls13() ? tls13Steps().selectParameters(facts) : tls12Steps().selectParameters(facts);
    }

    @Override
    public Negotiated sendServerFlight(Negotiated facts) {
        return tls13Steps().sendServerFlight(facts);
    }

    /** RFC 8446 §4.5: the model fires this only in WAIT_EOED, under the early key. */
    @Override
    public Negotiated processEndOfEarlyData(Negotiated facts) {
        return tls13Steps().processEndOfEarlyData(facts);
    }

    /**
     * RFC 8446 §4.2.10: application data under the client's early key is 0-RTT data, kept apart from 1-RTT data
     * and counted against the ticket's max_early_data_size.
     */
    @Override
    public Negotiated receiveApplicationData(Negotiated facts) {
        if (ctx.reader.epoch() != io.tlsmachine.impl.record.RecordEpoch.EARLY) {
            return super.receiveApplicationData(facts);
        }
        byte[] data = ctx.receivedApplicationData();
        EarlyDataState early = ctx.earlyData();
        early.received = ZeroRtt.chargeEarlyData(early.received, data.length, early.limit);
        ctx.deliverEarlyData(data);
        return facts;
    }

    /**
     * RFC 8446 §4.4.2.4, RFC 5246 §7.4.6: an empty client Certificate is fatal only when a certificate is required;
     * a non-empty one is verified against our trust anchors.
     */
    @Override
    public Negotiated processClientCertificate(Negotiated facts) {
        if (tls13() && tls13Steps().postHandshakeContext().isPresent()
                && !ctx.received(Tls13Certificate.class).certificateRequestContext().equals(tls13Steps().postHandshakeContext().get())) {
            throw TlsException.fatal(Reason.ILLEGAL_PARAMETER, "post-handshake Certificate with another certificate_request_context");
        }
        List<byte[]> ders = tls13()
                ? ctx.received(Tls13Certificate.class).entries().stream().map(e -> e.certData().toByteArray()).toList()
                : ctx.received(Tls12Certificate.class).certificates().stream().map(Opaque::toByteArray).toList();
        if (ders.isEmpty()) {
            if (ctx.config.clientAuth() == ClientAuthPolicy.REQUIRE) {
                throw TlsException.fatal(tls13() ? Reason.CERTIFICATE_REQUIRED : Reason.BAD_CERTIFICATE,
                        "the client sent no certificate, and one is required");
            }
        } else {
            ctx.peerChain = ctx.config.effectiveCertificateVerifier().verifyClient(CertificateChain.fromDer(ders));
        }
        ctx.addReceivedToTranscript();
        return facts;
    }

    @Override
    public Negotiated processClientCertificateVerify(Negotiated facts) {
        return tls13() ? tls13Steps().processClientCertificateVerify(facts) : tls12Steps().processClientCertificateVerify(facts);
    }

    @Override
    public Negotiated processClientFinished(Negotiated facts) {
        return tls13Steps().processClientFinished(facts);
    }

    /**
     * RFC 8446 §4.6.1: another ticket, on request or as one of this handshake's tickets (the model sends it only when
     * this connection issues tickets: enabled, and at least one per handshake).
     */
    @Override
    public Negotiated sendNewSessionTicket(Negotiated facts) {
        if (facts.ticketsEnabled()) {
            tls13Steps().sendNewSessionTicket();
            tls13Steps().decideFurtherTicket();
        }
        return facts;
    }

    /** RFC 8446 §4.6.2: the model takes this only when the client offered post_handshake_auth. */
    @Override
    public Negotiated requestClientAuth(Negotiated facts) {
        return tls13Steps().requestPostHandshakeAuth(facts);
    }

    @Override
    public Negotiated declineClientAuth(Negotiated facts) {
        return facts;
    }

    @Override
    public Negotiated processClientKeyExchange(Negotiated facts) {
        return tls12Steps().processClientKeyExchange(facts);
    }

    @Override
    public Negotiated processChangeCipherSpec(Negotiated facts) {
        return tls12Steps().processChangeCipherSpec(facts);
    }

    @Override
    public Negotiated processTls12ClientFinished(Negotiated facts) {
        return tls12Steps().processClientFinished(facts);
    }

    ClientHello clientHello() {
        return negotiation.clientHello();
    }

    /** The TLS 1.3 steps, made when the version negotiation first needs them (a TLS 1.2 connection holds none). */
    private Tls13Server tls13Steps() {
        if (tls13 == null) {
            tls13 = new Tls13Server(ctx, negotiation);
        }
        return tls13;
    }

    /** The TLS 1.2 steps, made when the version negotiation first needs them (a TLS 1.3 connection holds none). */
    private Tls12Server tls12Steps() {
        if (tls12 == null) {
            tls12 = new Tls12Server(ctx, negotiation);
        }
        return tls12;
    }
}
