package io.tlsmachine.impl.handshake;

import io.tlsmachine.impl.codec.Opaque;
import io.tlsmachine.impl.codec.message.Alert;
import io.tlsmachine.impl.codec.message.DecodeContext;
import io.tlsmachine.impl.codec.message.HandshakeMessage;
import io.tlsmachine.impl.codec.message.Role;
import io.tlsmachine.TlsConfig;
import io.tlsmachine.impl.crypto.CryptoProvider;
import io.tlsmachine.impl.crypto.KeyExchangeGroup;
import io.tlsmachine.impl.crypto.SignatureAlgorithm;
import io.tlsmachine.impl.error.Reason;
import io.tlsmachine.impl.error.TlsException;
import io.tlsmachine.impl.certificate.VerifiedChain;
import io.tlsmachine.StoredTicket;
import io.tlsmachine.impl.keyschedule.EarlySecret;
import io.tlsmachine.impl.keyschedule.ExporterMasterSecret;
import io.tlsmachine.impl.keyschedule.HandshakeSecret;
import io.tlsmachine.impl.keyschedule.MasterSecret;
import io.tlsmachine.impl.keyschedule.ResumptionMasterSecret;
import io.tlsmachine.impl.keyschedule.Tls12MasterSecret;
import io.tlsmachine.impl.keyschedule.Tls13Hkdf;
import io.tlsmachine.impl.keyschedule.TrafficSecret;
import io.tlsmachine.impl.keyschedule.Transcript;
import io.tlsmachine.impl.record.HandshakeAssembler;
import io.tlsmachine.impl.record.RecordProtection;
import io.tlsmachine.impl.record.RecordReader;
import io.tlsmachine.impl.record.RecordWriter;
import io.tlsmachine.model.Input;
import io.tlsmachine.model.ProtocolVersion;
import io.tlsmachine.impl.record.ByteQueue;
import io.tlsmachine.impl.record.ReceivedRecord;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * Holds one connection's handshake state shared by the steps and the engine: configuration, record layer,
 * transcript, the message being processed, the flight being produced, and what has been negotiated.
 *
 * <p>The engine puts each received message here before firing its input; the steps read it, verify, derive keys
 * and queue their flight. A step that makes a decision (the server's HelloRetryRequest or not) leaves the
 * matching local input in {@link #takeDecision()} for the engine to fire into the model.
 */
public final class HandshakeContext {

    final TlsConfig config;
    final Role role;
    final CryptoProvider crypto;
    final Flight flight = new Flight();
    final RecordReader reader = new RecordReader();
    final RecordWriter writer = new RecordWriter();
    final HandshakeAssembler assembler;
    Transcript transcript;

    private HandshakeMessage received;
    private byte[] receivedEncoded;
    private Alert receivedAlert;
    private ReceivedRecord receivedApplicationData;
    private PendingWrite pendingWrite;
    private Input decision;
    private Reason abortReason;
    private final ByteQueue applicationIn = new ByteQueue();
    private boolean peerClosed;
    /** The steps, which set themselves here: their handshake-only state is dropped with ours. */
    CommonSteps steps;
    /** Application data bytes written under the current TLS 1.3 application write key. */
    long bytesUnderWriteKey;

    // Negotiated so far.
    ProtocolVersion version;
    SuiteParameters suite;
    KeyExchangeGroup group;
    SignatureAlgorithm signature;
    String applicationProtocol;
    /** Server: the record_size_limit to answer the client's with (RFC 8449), or null. */
    io.tlsmachine.impl.codec.extension.RecordSizeLimit recordSizeLimitAnswer;
    String serverName;
    byte[] clientRandom;
    byte[] serverRandom;
    Opaque sessionId = Opaque.EMPTY;
    VerifiedChain peerChain;

    // TLS 1.3 key schedule (RFC 8446 §7.1).
    Tls13Hkdf hkdf;
    EarlySecret earlySecret;
    MasterSecret masterSecret;
    ResumptionMasterSecret resumptionSecret;
    ExporterMasterSecret exporterSecret;
    StoredTicket offeredTicket;
    /** TLS 1.2 server: the session ID of a full handshake, cached when it completes. */
    Opaque newSessionId;
    HandshakeSecret handshakeSecret;
    TrafficSecret clientHandshakeSecret;
    TrafficSecret serverHandshakeSecret;
    TrafficSecret clientApplicationSecret;
    TrafficSecret serverApplicationSecret;

    // 0-RTT (RFC 8446 §4.2.10): what became of the client's early data; the rest only when 0-RTT is in play.
    EarlyDataStatus earlyDataStatus = EarlyDataStatus.NOT_OFFERED;
    private EarlyDataState earlyData;

    // TLS 1.2 (RFC 5246 §6.3, §8.1).
    Tls12MasterSecret tls12MasterSecret;
    RecordProtection tls12PendingRead;
    RecordProtection tls12PendingWrite;

    /** Creates the context of one connection in {@code role}. */
    public HandshakeContext(TlsConfig config, Role role) {
        this.config = config;
        this.role = role;
        this.crypto = config.crypto();
        this.assembler = new HandshakeAssembler(config.maxHandshakeMessageSize(),
                Math.max(config.maxHandshakeMessageSize(), HandshakeAssembler.DEFAULT_MAX_CERTIFICATE_MESSAGE_LENGTH));
        this.transcript = Transcript.awaitingHash(crypto);
        writer.setPaddingPolicy(config.paddingPolicy());
        // The application data step takes each record at once (deliverReceivedApplicationData).
        reader.deliverApplicationDataInto(applicationIn);
    }

    public TlsConfig config() {
        return config;
    }

    public Role role() {
        return role;
    }

    public RecordReader reader() {
        return reader;
    }

    public RecordWriter writer() {
        return writer;
    }

    public HandshakeAssembler assembler() {
        return assembler;
    }

    public Flight flight() {
        return flight;
    }

    /** Returns what the decoder must know to decode the peer's next message. */
    public DecodeContext decodeContext() {
        Role peer = role == Role.CLIENT ? Role.SERVER : Role.CLIENT;
        if (version == null || suite == null) {
            return DecodeContext.beforeNegotiation(peer);
        }
        if (version == ProtocolVersion.TLS13) {
            return DecodeContext.tls13(peer, suite.hash().length());
        }
        return DecodeContext.tls12(peer, suite.keyExchange());
    }

    /** Sets the handshake message the next input carries, with its exact bytes for the transcript. */
    public void receive(HandshakeMessage message, byte[] encoded) {
        this.received = message;
        this.receivedEncoded = encoded;
    }

    /** Sets the alert the next input carries. */
    public void receiveAlert(Alert alert) {
        this.receivedAlert = alert;
    }

    /** Sets the application data record the next input carries (a view, valid until the next record is read). */
    public void receiveApplicationData(ReceivedRecord record) {
        this.receivedApplicationData = record;
    }

    /** Sets application data the next input carries, as an array of its own. */
    public void receiveApplicationData(byte[] data) {
        receiveApplicationData(new ReceivedRecord(io.tlsmachine.impl.codec.types.ContentType.APPLICATION_DATA,
                io.tlsmachine.impl.record.RecordEpoch.APPLICATION, data));
    }

    /** The application data the next APPLICATION_WRITE sends: {@code bytes[offset, offset+length)}, not copied. */
    public record PendingWrite(byte[] bytes, int offset, int length) {
    }

    /**
     * Sets the application data the next APPLICATION_WRITE sends, without copying it (the engine writes it before
     * it returns).
     */
    public void pendWrite(PendingWrite data) {
        this.pendingWrite = java.util.Objects.requireNonNull(data, "data");
    }

    /** Sets all of {@code data} as the application data the next APPLICATION_WRITE sends, without copying it. */
    public void pendWrite(byte[] data) {
        pendWrite(new PendingWrite(data, 0, data.length));
    }

    /** Forgets the pending write (whether or not it was sent), so the caller's array is not kept. */
    public void clearPendingWrite() {
        this.pendingWrite = null;
    }

    /**
     * RFC 8446 §5.5: whether our write key should be updated before the next application data, because the record
     * layer nears the AEAD's limit or we wrote the configured volume under it.
     */
    public boolean keyUpdateDue() {
        if (writer.shouldRekey()) {
            return true;
        }
        Optional<Long> limit = config.keyUpdateAfterBytes();
        return limit.isPresent() && bytesUnderWriteKey >= limit.get();
    }

    /**
     * Drops what only the handshake needed once the model reached a connected state, so an established connection
     * holds little more than its record keys: the last received message, the peer's chain (the API does not expose
     * it; a TLS 1.3 post-handshake authentication sets it anew), the handshake traffic secrets, the offered ticket,
     * the steps' hellos and key shares, and the transcript, unless a TLS 1.3 post-handshake authentication may still
     * continue from it (its messages are retained only then, RFC 8446 §4.6.2). Idempotent.
     */
    public void releaseHandshakeState() {
        received = null;
        receivedEncoded = null;
        peerChain = null;
        offeredTicket = null;
        Wipe.allQuietly(clientHandshakeSecret, serverHandshakeSecret, handshakeSecret);
        clientHandshakeSecret = null;
        serverHandshakeSecret = null;
        handshakeSecret = null;
        if (version != ProtocolVersion.TLS13 || !transcript.retainsMessages()) {
            transcript = null;
        }
        if (version == ProtocolVersion.TLS13) {
            // After a TLS 1.3 handshake nothing reads the hellos' randoms or legacy_session_id: exporters use the
            // exporter_master_secret (RFC 8446 §7.5), KeyUpdate the traffic secrets (§7.2), tickets the resumption
            // secret (§4.6.1); and the key log has no line for later secrets.
            clientRandom = null;
            serverRandom = null;
            sessionId = Opaque.EMPTY;
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
        writer.setProtection(io.tlsmachine.impl.record.PlaintextProtection.INSTANCE);
        reader.setProtection(io.tlsmachine.impl.record.PlaintextProtection.INSTANCE);
        Wipe.allQuietly(clientApplicationSecret, serverApplicationSecret, clientHandshakeSecret, serverHandshakeSecret,
                handshakeSecret, exporterSecret);
        clientApplicationSecret = null;
        serverApplicationSecret = null;
        clientHandshakeSecret = null;
        serverHandshakeSecret = null;
        handshakeSecret = null;
        exporterSecret = null;
    }

    /** Returns and clears the local decision a step made, or null. */
    public Input takeDecision() {
        Input d = decision;
        decision = null;
        return d;
    }

    /** Returns why the model's abort transition was taken (or the peer's alert), if it was. */
    public Optional<Reason> abortReason() {
        return Optional.ofNullable(abortReason);
    }

    /** Returns the last alert received. */
    public Optional<Alert> receivedAlert() {
        return Optional.ofNullable(receivedAlert);
    }

    /** Returns and clears the application data received so far. */
    public byte[] takeApplicationData() {
        byte[] data = applicationIn.take();
        applicationIn.releaseIfEmpty();
        return data;
    }

    /** Client: queues {@code data} to send as 0-RTT data with the first ClientHello, when a stored ticket allows it. */
    public void offerEarlyData(byte[] data) {
        earlyData().toSend = data.clone();
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
        if (earlyData == null) {
            return null;
        }
        byte[] data = earlyData.toSend;
        earlyData.toSend = null;
        return data;
    }

    /** Returns what became of the client's early data. */
    public EarlyDataStatus earlyDataStatus() {
        return earlyDataStatus;
    }

    /** Server: returns and clears the 0-RTT data received so far (possibly empty). */
    public byte[] takeEarlyData() {
        if (earlyData == null || earlyData.in == null) {
            return new byte[0];
        }
        byte[] data = earlyData.in.toByteArray();
        earlyData.in = null;
        return data;
    }

    /**
     * RFC 8446 Appendix A.1 (note): alerts "SHOULD first rekey to the handshake keys if possible"; a client still
     * writing under its early key, whose early data the server has not accepted, sends its fatal alert under its
     * handshake key once it has one.
     */
    public void rekeyForFatalAlert() {
        if (role == Role.CLIENT && writer.epoch() == io.tlsmachine.impl.record.RecordEpoch.EARLY
                && earlyDataStatus != EarlyDataStatus.ACCEPTED && clientHandshakeSecret != null) {
            try {
                writer.setProtection(Tls13Keys.protection(this, clientHandshakeSecret, true));
            } catch (RuntimeException e) {
                // The handshake secret is gone: the alert goes under the early key.
            }
        }
    }

    void deliverEarlyData(byte[] data) {
        EarlyDataState state = earlyData();
        if (state.in == null) {
            state.in = new ByteArrayOutputStream();
        }
        state.in.write(data, 0, data.length);
    }

    /** Moves as much received application data as fits into {@code dst}; returns how many bytes. */
    public int takeApplicationData(ByteBuffer dst) {
        return applicationIn.takeInto(dst);
    }

    /** The number of received application data bytes not taken yet. */
    public int applicationDataAvailable() {
        return applicationIn.size();
    }

    public boolean peerClosed() {
        return peerClosed;
    }

    /** Returns the negotiated parameters once the version and suite are known. */
    public Optional<NegotiatedParameters> negotiated(boolean resumed) {
        if (version == null || suite == null) {
            return Optional.empty();
        }
        return Optional.of(new NegotiatedParameters(version, suite.suite(), Optional.ofNullable(group),
                Optional.ofNullable(signature), Optional.ofNullable(applicationProtocol), resumed,
                Optional.ofNullable(serverName)));
    }

    <T extends HandshakeMessage> T received(Class<T> type) {
        if (!type.isInstance(received)) {
            throw TlsException.fatal(Reason.INTERNAL_ERROR, "step expected " + type.getSimpleName() + " but holds "
                    + (received == null ? "nothing" : received.getClass().getSimpleName()));
        }
        return type.cast(received);
    }

    HandshakeMessage receivedMessage() {
        return received;
    }

    /**
     * RFC 5077 §3.4: tells whether a TLS 1.2 ServerHello resumes the session of the ticket we offered (it echoes the
     * session ID we sent with the ticket).
     */
    public boolean resumesTls12Session(io.tlsmachine.impl.codec.message.ServerHello hello) {
        return offeredTicket != null && ClientHandshake.ticketVersion(offeredTicket) == ProtocolVersion.TLS12
                && !sessionId.isEmpty() && hello.legacySessionIdEcho().equals(sessionId);
    }

    /**
     * RFC 8446 §7.5, RFC 5705 §4: exports keying material bound to this connection; call it once the handshake is
     * complete. TLS 1.2 uses the PRF over the master secret (with EMS, RFC 7627 §5.4, it is safe to use).
     */
    public byte[] exportKeyingMaterial(String label, byte[] context, int length) {
        if (version == ProtocolVersion.TLS13 && exporterSecret != null) {
            return exporterSecret.export(label, context == null ? new byte[0] : context, length);
        }
        if (version == ProtocolVersion.TLS12 && tls12MasterSecret != null) {
            return tls12MasterSecret.export(label, clientRandom, serverRandom, context, length);
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

    byte[] receivedEncoded() {
        return receivedEncoded;
    }

    /** Adds the message being processed to the transcript, exactly as received. */
    void addReceivedToTranscript() {
        transcript.add(receivedEncoded);
    }

    /** Returns the content of the application data record being processed, as an array of its own. */
    byte[] receivedApplicationData() {
        return receivedApplicationData.fragment();
    }

    /** Appends {@code data} to what the application reads. */
    void deliverApplicationData(byte[] data) {
        applicationIn.write(data);
    }

    /** Appends the application data record being processed to what the application reads. */
    void deliverReceivedApplicationData() {
        applicationIn.append(receivedApplicationData);
        receivedApplicationData = null;
    }

    PendingWrite takePendingWrite() {
        PendingWrite data = pendingWrite;
        pendingWrite = null;
        return data;
    }

    void decide(Input localInput) {
        this.decision = localInput;
    }

    void abortWith(Reason reason) {
        this.abortReason = reason;
    }

    void markPeerClosed() {
        this.peerClosed = true;
    }

    /** RFC 8446 §5.1: switches the read key; pending handshake bytes under the old key are a failure. */
    void setReadProtection(RecordProtection protection) {
        assembler.onReadKeyChange();
        reader.setProtection(protection);
    }

    /**
     * RFC 8446 §4.4, §4.6.2: a transcript holding the whole main handshake (through the client Finished), from which
     * one post-handshake authentication continues; needs the handshake transcript to have retained its messages.
     */
    Transcript forkHandshakeTranscript() {
        Transcript fork = Transcript.using(crypto, transcript.hash());
        fork.add(transcript.messages());
        return fork;
    }

    byte[] random32() {
        byte[] bytes = new byte[32];
        config.random().nextBytes(bytes);
        return bytes;
    }
}
