package io.tlsmachine.impl.handshake;

import io.tlsmachine.NegotiatedParameters;
import io.tlsmachine.EarlyDataStatus;
import io.tlsmachine.impl.codec.message.DecodeContext;
import io.tlsmachine.model.analysis.Role;
import io.tlsmachine.TlsConfig;
import io.tlsmachine.impl.crypto.CryptoProvider;
import io.tlsmachine.impl.crypto.Secret;
import io.tlsmachine.KeyLogLabel;
import io.tlsmachine.impl.session.SessionIdCache;
import io.tlsmachine.impl.session.StoredTicket;
import io.tlsmachine.impl.session.TicketCache;
import io.tlsmachine.impl.keyschedule.Tls13Schedule;
import io.tlsmachine.impl.keyschedule.Transcript;
import io.tlsmachine.impl.record.RecordLayer;
import io.tlsmachine.model.ProtocolVersion;
import java.util.Optional;
import java.util.function.Function;

/**
 * Holds what one connection's handshake steps share: the configuration and role, the transcript, the flight being
 * produced, and references to the parts that change apart: the {@link Negotiation}, the TLS 1.3 key schedule
 * ({@link Tls13Schedule}), the TLS 1.2 session ({@link Tls12Session}) and the 0-RTT state ({@link EarlyDataState}),
 * the last two made on first use, and the engine's {@link RecordLayer}, which the engine creates and drives itself.
 *
 * <p>The steps get each received message as their argument; they verify, derive keys and queue their flight here,
 * and return their decisions ({@link Decision}) to the engine.
 */
public final class HandshakeContext {

    /** The configuration; a server's {@code ClientHelloSelector} may replace it once the ClientHello is read. */
    private TlsConfig config;
    /** Reads a configuration's internals (the API package's {@code TlsConfig::internals}), also after reconfigure. */
    private final Function<TlsConfig, ConfigInternals> internalsOf;
    private ConfigInternals internals;
    private final Role role;
    private final Flight flight = new Flight();
    /** The engine's record layer, for the steps that switch keys or set record limits. */
    private final RecordLayer records;
    private Transcript transcript;

    /** The steps, which attach themselves: their handshake-only state is dropped with ours. */
    private CommonSteps steps;

    /** What the hellos have settled so far. */
    private final Negotiation negotiation = new Negotiation();

    /** The TLS 1.3 key schedule (RFC 8446 §7.1). */
    private final Tls13Schedule schedule = new Tls13Schedule();
    private StoredTicket offeredTicket;

    // 0-RTT (RFC 8446 §4.2.10): what became of the client's early data; the rest only when 0-RTT is in play.
    private EarlyDataState earlyData;

    /** The TLS 1.2 session (RFC 5246 §6.3, §8.1), made on first use: a TLS 1.3 connection holds none. */
    private Tls12Session tls12;

    /**
     * Creates the context of one connection in {@code role} over the engine's {@code records}; {@code internalsOf}
     * reads what the engine needs of a configuration beyond its public accessors.
     */
    public HandshakeContext(TlsConfig config, Function<TlsConfig, ConfigInternals> internalsOf, Role role,
            RecordLayer records) {
        this.config = config;
        this.internalsOf = internalsOf;
        this.internals = internalsOf.apply(config);
        this.role = role;
        this.records = records;
        this.transcript = Transcript.awaitingHash(crypto());
    }

    public TlsConfig config() {
        return config;
    }

    public Role role() {
        return role;
    }

    /** The configuration's crypto provider. */
    CryptoProvider crypto() {
        return internals.crypto();
    }

    /** The AES-256-GCM key a server seals its tickets with (RFC 8446 §4.6.1, RFC 5077 §4). */
    Secret ticketKey() {
        return internals.ticketKey();
    }

    /** Client: where received tickets are kept and one to resume with is taken; empty: no resumption. */
    Optional<TicketCache> tickets() {
        return internals.tickets();
    }

    /** TLS 1.2 server: the sessions resumable by session ID (RFC 5246 §7.4.1.2); empty: none. */
    Optional<SessionIdCache> sessionIds() {
        return internals.sessions();
    }

    /**
     * Records {@code secret} under {@code label} for this connection's client random when a key log is configured
     * (NSS key log format); the key log gets a copy.
     */
    void logSecret(KeyLogLabel label, Secret secret) {
        if (config.keyLog().enabled()) {
            config.keyLog().log(label, negotiation.clientRandom(), secret.bytes().clone());
        }
    }

    public Flight flight() {
        return flight;
    }

    /** What the hellos have settled so far (version, suite, group, ALPN, randoms, peer certificates). */
    Negotiation negotiation() {
        return negotiation;
    }

    /** The TLS 1.3 key schedule's stages. */
    Tls13Schedule schedule() {
        return schedule;
    }

    /** The engine's record layer (keys per epoch, limits). */
    RecordLayer records() {
        return records;
    }

    /** The handshake transcript (null once an established connection no longer needs it). */
    Transcript transcript() {
        return transcript;
    }

    /**
     * RFC 8446 §4.6.2 and §4.4 (client authentication in either version): starts the transcript over so that it keeps
     * every message, from which a later CertificateVerify or post-handshake authentication is computed; called
     * before the first message is added.
     */
    void retainTranscriptMessages() {
        transcript = Transcript.awaitingHash(crypto()).retainMessages();
    }

    /**
     * RFC 8446 §4.6.2: a post-handshake authentication continues a fork of the main handshake's transcript; returns
     * the main one, which {@link #restoreTranscript} puts back when the exchange ends.
     */
    Transcript beginPostHandshakeTranscript() {
        Transcript main = transcript;
        transcript = forkHandshakeTranscript();
        return main;
    }

    /** Puts back the main handshake's transcript after a post-handshake authentication. */
    void restoreTranscript(Transcript main) {
        transcript = main;
    }

    /** The ticket (TLS 1.3 PSK or TLS 1.2 session) the client offers in this handshake, or null. */
    StoredTicket offeredTicket() {
        return offeredTicket;
    }

    /** Client: offers {@code ticket} (or nothing, when null) in the ClientHello. */
    void offerTicket(StoredTicket ticket) {
        offeredTicket = ticket;
    }

    /** Client: the offered ticket is no longer in play (e.g. dropped after a HelloRetryRequest changed the suite). */
    void dropOfferedTicket() {
        offeredTicket = null;
    }

    /** Attaches the steps of this connection, whose handshake-only state {@link #releaseHandshakeState} drops. */
    void attachSteps(CommonSteps connectionSteps) {
        steps = connectionSteps;
    }

    /**
     * Server: the application's configuration for this ClientHello (e.g. a JSSE key manager's credential and ALPN
     * list) replaces the one the engine started with.
     */
    void reconfigure(TlsConfig chosen) {
        config = chosen;
        internals = internalsOf.apply(chosen);
    }

    /** Returns what the decoder must know to decode the peer's next message. */
    public DecodeContext decodeContext() {
        return negotiation.decodeContext(role == Role.CLIENT ? Role.SERVER : Role.CLIENT);
    }

    /**
     * Drops what only the handshake needed once the model reached a connected state, so an established connection
     * holds little more than its record keys: the peer's chain (the API does not expose
     * it; a TLS 1.3 post-handshake authentication sets it anew), the handshake traffic secrets, the offered ticket,
     * the steps' hellos and key shares, and the transcript, unless a TLS 1.3 post-handshake authentication may still
     * continue from it (its messages are retained only then, RFC 8446 §4.6.2). Idempotent.
     */
    public void releaseHandshakeState() {
        negotiation.releaseHandshakeState();
        offeredTicket = null;
        schedule.releaseHandshakeStage();
        if (negotiation.version() != ProtocolVersion.TLS13 || !transcript.retainsMessages()) {
            transcript = null;
        }
        flight.releaseIfEmpty();
        if (steps != null) {
            steps.releaseHandshakeState();
        }
    }

    /**
     * Wipes what protects this connection's records once it has ended (closed or failed, after its last record was
     * sealed): both record keys and the TLS 1.3 traffic, handshake and exporter secrets. TLS 1.2 master secrets are
     * left to their owners (a session cache or a stored ticket may still resume with them).
     */
    public void destroyKeys() {
        records.dropKeys();
        schedule.destroy();
    }

    /** The connection's TLS 1.2 session, made on first use. */
    Tls12Session tls12() {
        if (tls12 == null) {
            tls12 = new Tls12Session();
        }
        return tls12;
    }

    /** Client: queues {@code data} to send as 0-RTT data with the first ClientHello, when a stored ticket allows it. */
    public void offerEarlyData(byte[] data) {
        earlyData().queue(data);
    }

    /** The connection's 0-RTT state, made on first use. */
    EarlyDataState earlyData() {
        if (earlyData == null) {
            earlyData = new EarlyDataState();
        }
        return earlyData;
    }

    /** Client: takes the early data queued to send (null when none). */
    byte[] takeEarlyDataToSend() {
        return earlyData == null ? null : earlyData.takeQueued();
    }

    /** Returns what became of the client's early data. */
    public EarlyDataStatus earlyDataStatus() {
        return earlyData == null ? EarlyDataStatus.NOT_OFFERED : earlyData.status();
    }

    /** Client: the early data went out after the first ClientHello; the server has not answered yet. */
    void earlyDataSent() {
        earlyData().markSent();
    }

    /** Client: whether early data went out and the server has not answered yet. */
    boolean earlyDataPending() {
        return earlyDataStatus() == EarlyDataStatus.PENDING;
    }

    /** Client, RFC 8446 §4.2.10: EncryptedExtensions accepted our early data. */
    void earlyDataAccepted() {
        earlyData().markAccepted();
    }

    /** Client, RFC 8446 §4.2.10: the server did not accept the early data we sent (if we sent any). */
    void earlyDataRejected() {
        if (earlyData != null) {
            earlyData.markRejected();
        }
    }

    /** Server: returns and clears the 0-RTT data received so far (possibly empty). */
    public byte[] takeEarlyData() {
        return earlyData == null ? new byte[0] : earlyData.takeReceived();
    }

    /**
     * RFC 8446 Appendix A.1 (note): alerts "SHOULD first rekey to the handshake keys if possible"; a client still
     * writing under its early key, whose early data the server has not accepted, sends its fatal alert under its
     * handshake key once it has one.
     */
    public void rekeyForFatalAlert() {
        if (role == Role.CLIENT && records.writer().epoch() == io.tlsmachine.model.Epoch.EARLY
                && earlyDataStatus() != EarlyDataStatus.ACCEPTED && schedule.clientHandshakeSecret() != null) {
            try {
                records.writer().setProtection(Tls13Keys.protection(this, schedule.clientHandshakeSecret(), true));
            } catch (RuntimeException e) {
                // The handshake secret is gone: the alert goes under the early key.
            }
        }
    }

    /** Returns the negotiated parameters once the version and suite are known. */
    public Optional<NegotiatedParameters> negotiated(boolean resumed) {
        return negotiation.parameters(resumed);
    }

    /**
     * RFC 5077 §3.4: tells whether a TLS 1.2 ServerHello resumes the session of the ticket we offered (it echoes the
     * session ID we sent with the ticket).
     */
    public boolean resumesTls12Session(io.tlsmachine.impl.codec.message.ServerHello hello) {
        return offeredTicket != null && ClientHandshake.ticketVersion(offeredTicket) == ProtocolVersion.TLS12
                && !negotiation.sessionId().isEmpty() && hello.legacySessionIdEcho().equals(negotiation.sessionId());
    }

    /**
     * RFC 8446 §7.5, RFC 5705 §4: exports keying material bound to this connection; call it once the handshake is
     * complete. TLS 1.2 uses the PRF over the master secret; RFC 7627 §5.4: a session without the extended master
     * secret "MUST NOT export any key material based on the new master secret", so there it is refused.
     */
    public byte[] exportKeyingMaterial(String label, byte[] context, int length) {
        if (negotiation.version() == ProtocolVersion.TLS13 && schedule.exporterSecret() != null) {
            return schedule.exporterSecret().export(label, context == null ? new byte[0] : context, length);
        }
        if (negotiation.version() == ProtocolVersion.TLS12 && tls12 != null && tls12.established()) {
            if (!tls12.masterSecret().extended()) {
                throw new IllegalStateException("no keying material is exported from a TLS 1.2 session without the extended"
                        + " master secret (RFC 7627 §5.4)");
            }
            return tls12.masterSecret().export(label, negotiation.clientRandom(), negotiation.serverRandom(), context, length);
        }
        throw new IllegalStateException("no exporter secret before the handshake completes");
    }

    /** RFC 8446 §4.1.3: tells whether a ServerHello's random ends with a downgrade sentinel. */
    public static boolean hasDowngradeSentinel(io.tlsmachine.impl.codec.message.ServerHello hello) {
        return Hellos.hasDowngradeSentinel(hello.random().toByteArray());
    }

    /** Tells whether the TLS 1.2 session we offered travels in a ticket (RFC 5077) rather than by session ID. */
    public boolean offeredTls12Ticket() {
        return offeredTicket != null && !offeredTicket.ticket().isEmpty();
    }

    /**
     * RFC 8446 §4.4, §4.6.2: a transcript holding the whole main handshake (through the client Finished), from which
     * one post-handshake authentication continues; needs the handshake transcript to have retained its messages.
     */
    Transcript forkHandshakeTranscript() {
        Transcript fork = Transcript.using(crypto(), transcript.hash());
        fork.add(transcript.messages());
        return fork;
    }

    byte[] random32() {
        byte[] bytes = new byte[32];
        config.random().nextBytes(bytes);
        return bytes;
    }
}
