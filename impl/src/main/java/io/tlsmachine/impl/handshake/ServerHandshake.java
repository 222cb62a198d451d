package io.tlsmachine.impl.handshake;

import io.tlsmachine.ClientAuthPolicy;
import io.tlsmachine.TlsConfig;
import io.tlsmachine.impl.keyschedule.Transcript;
import io.tlsmachine.impl.record.ReceivedRecord;
import io.tlsmachine.model.Epoch;
import io.tlsmachine.model.Negotiated;

/**
 * Implements the server's steps of both versions with real codecs and crypto: {@link ServerNegotiation} reads the
 * ClientHello and makes the server's decisions; {@link Tls13Server} and {@link Tls12Server}, which the model's
 * transitions of each version call, run each version's flights.
 */
public final class ServerHandshake extends CommonSteps {

    private final ServerNegotiation negotiation;
    private Tls13Server tls13;
    private Tls12Server tls12;

    @Override
    void releaseHandshakeState() {
        negotiation.releaseHandshakeState();
    }

    public ServerHandshake(HandshakeContext ctx) {
        super(ctx);
        if (ctx.config().certifiedKey().isEmpty()) {
            throw new IllegalArgumentException("a server needs a certificate chain and private key");
        }
        if (ctx.config().clientAuth() != ClientAuthPolicy.NONE) {
            ctx.retainTranscriptMessages();
        }
        this.negotiation = new ServerNegotiation(ctx);
    }

    /** Returns the facts a server starts with (the ClientHello establishes the rest). */
    public static Negotiated initialFacts(TlsConfig config) {
        return Negotiated.tls13();
    }

    /**
     * RFC 8446 §4.2.10: application data under the client's early key is 0-RTT data, kept apart from 1-RTT data
     * and counted against the ticket's max_early_data_size.
     */
    @Override
    public Negotiated receiveApplicationData(Negotiated facts, ReceivedRecord record) {
        if (record.epoch() != Epoch.EARLY) {
            return super.receiveApplicationData(facts, record);
        }
        ctx.earlyData().receive(record.fragment());
        return facts;
    }

    /** The steps that read the ClientHello, for either version. */
    public ServerHelloSteps hello() {
        return negotiation;
    }

    /** The TLS 1.3 steps, made when the model first takes a TLS 1.3 transition (a TLS 1.2 connection holds none). */
    public Tls13ServerSteps tls13() {
        if (tls13 == null) {
            tls13 = new Tls13Server(ctx, negotiation);
        }
        return tls13;
    }

    /** The TLS 1.2 steps, made when the model first takes a TLS 1.2 transition (a TLS 1.3 connection holds none). */
    public Tls12ServerSteps tls12() {
        if (tls12 == null) {
            tls12 = new Tls12Server(ctx, negotiation);
        }
        return tls12;
    }
}
