package io.tlsmachine.impl.engine;

import io.tlsmachine.impl.codec.message.Alert;
import io.tlsmachine.impl.codec.message.ChangeCipherSpec;
import io.tlsmachine.impl.codec.message.HandshakeCodec;
import io.tlsmachine.impl.codec.message.HandshakeMessage;
import io.tlsmachine.impl.codec.message.Role;
import io.tlsmachine.impl.codec.types.ContentType;
import io.tlsmachine.TlsConfig;
import io.tlsmachine.impl.error.Reason;
import io.tlsmachine.impl.error.TlsException;
import io.tlsmachine.impl.handshake.ClientHandshake;
import io.tlsmachine.impl.handshake.HandshakeContext;
import io.tlsmachine.impl.handshake.NegotiatedParameters;
import io.tlsmachine.impl.handshake.ServerHandshake;
import io.tlsmachine.impl.record.ReceivedHandshakeMessage;
import io.tlsmachine.impl.record.ReceivedRecord;
import io.tlsmachine.model.Epoch;
import io.tlsmachine.model.Input;
import io.tlsmachine.model.ModelState;
import io.tlsmachine.model.Negotiated;
import io.tlsmachine.model.Output;
import io.tlsmachine.model.Transition;
import io.tlsmachine.model.UnexpectedMessage;
import io.tlsmachine.model.client.ClientMachine;
import io.tlsmachine.model.server.ServerMachine;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Runs one TLS 1.2 / 1.3 connection, sans-IO: bytes in with {@link #feed}, bytes out with {@link #drainOutbound},
 * application data with {@link #writeApplicationData} and {@link #readApplicationData}. Not thread-safe.
 *
 * <p>Every received message and every local command becomes a model input fired into the role's compiled
 * machine; the transition's step (in {@code impl.handshake}) verifies, derives keys and produces the content of
 * the outputs the transition declares, which {@link FlightWriter} writes. The engine never chooses a state.
 *
 * <p>Failure is handled in one place, {@link #fail}: any {@link TlsException} or {@link UnexpectedMessage} (and
 * any other exception, as internal_error) sends exactly one alert, the one its reason maps to, moves the machine
 * to FAILED, and nothing is sent afterwards. A received fatal alert moves it to FAILED and nothing is sent.
 *
 * <p>Memory a peer can make us hold: one record (RecordLimits.MAX_RECORD_LENGTH) and one incomplete handshake
 * message (the configured maximum, 256 KiB for certificate chains); received application data waits in
 * {@link #readApplicationData()} until taken, so a caller bounds it by how much it feeds between reads.
 */
public final class TlsEngine {

    private final HandshakeContext ctx;
    private final RoleMachine<?, ?> machine;
    private final FlightWriter out;
    /** The transition listeners: a shared empty list until the first is added. */
    private volatile List<TransitionListener> listeners = List.of();
    private TlsException failure;
    private boolean started;

    private TlsEngine(TlsConfig config, Role role, MachineKind kind) {
        this.ctx = new HandshakeContext(config, role);
        boolean table = kind == MachineKind.COMPILED_TABLE;
        if (role == Role.CLIENT) {
            ClientHandshake steps = new ClientHandshake(ctx);
            Negotiated facts = ClientHandshake.initialFacts(config);
            machine = new RoleMachine<>(ClientMachine.definition(), table ? ClientMachine.newTableMachine(steps, facts)
                    : ClientMachine.newStrictMachine(steps, facts), steps);
        } else {
            ServerHandshake steps = new ServerHandshake(ctx);
            Negotiated facts = ServerHandshake.initialFacts(config);
            machine = new RoleMachine<>(ServerMachine.definition(), table ? ServerMachine.newTableMachine(steps, facts)
                    : ServerMachine.newStrictMachine(steps, facts), steps);
        }
        this.out = new FlightWriter(ctx);
        // Listeners from TransitionListenerProvider services, e.g. the testkit's model-path monitor (none in production).
        addListeners(ProvidedListeners.listenersFor(machine.definition()));
    }

    /**
     * Creates a client engine; call {@link #beginHandshake()} after adding listeners.
     *
     * @throws IllegalArgumentException when the server's certificate is to be verified but no server name is set
     */
    public static TlsEngine client(TlsConfig config) {
        return client(config, MachineKind.COMPILED_TABLE);
    }

    /**
     * Creates a client engine on the chosen runner of the model (the strict Squirrel one cross-checks the table).
     *
     * @throws IllegalArgumentException when the server's certificate is to be verified but no server name is set
     */
    public static TlsEngine client(TlsConfig config, MachineKind kind) {
        boolean insecure = config.certificateVerifier()
                .filter(v -> v == io.tlsmachine.impl.certificate.CertificateVerifier.insecureAcceptAnyCertificate()).isPresent();
        if (!insecure && config.serverName().isEmpty()) {
            throw new IllegalArgumentException("a client that verifies the server's certificate needs a server name");
        }
        return new TlsEngine(config, Role.CLIENT, kind);
    }

    /**
     * Creates a client engine for a connection to {@code serverName} (server_name, RFC 6066 §3, and the name the
     * server's certificate must match), so one configuration serves many hosts; any server name in {@code config} is
     * replaced for this connection.
     */
    public static TlsEngine client(TlsConfig config, String serverName) {
        return client(config.withServerName(serverName), MachineKind.COMPILED_TABLE);
    }

    /** Creates a server engine (it needs a certificate chain and key in {@code config}). */
    public static TlsEngine server(TlsConfig config) {
        return new TlsEngine(config, Role.SERVER, MachineKind.COMPILED_TABLE);
    }

    /** Creates a server engine on the chosen runner of the model. */
    public static TlsEngine server(TlsConfig config, MachineKind kind) {
        return new TlsEngine(config, Role.SERVER, kind);
    }

    /** Adds a listener that receives every transition taken from now on. */
    public TlsEngine addTransitionListener(TransitionListener listener) {
        addListeners(List.of(listener));
        return this;
    }

    private synchronized void addListeners(List<TransitionListener> added) {
        if (added.isEmpty()) {
            return;
        }
        if (!(listeners instanceof CopyOnWriteArrayList)) {
            listeners = new CopyOnWriteArrayList<>();
        }
        listeners.addAll(added);
    }

    /** Client: fires CONNECT (the ClientHello is then in {@link #drainOutbound()}). Server: nothing to do. */
    public void beginHandshake() {
        if (started) {
            return;
        }
        started = true;
        if (ctx.role() == Role.CLIENT) {
            fireLocal(Input.CONNECT);
        }
    }

    /**
     * Client, before {@link #beginHandshake()}: sends {@code data} as 0-RTT data right after the ClientHello when the
     * stored ticket for this server allows early data (RFC 8446 §2.3, §4.2.10) and at least this much of it, else
     * it is not sent. Early data is replayable by an attacker (§8): send only what is safe to repeat. Whether the
     * server took it is {@link #earlyDataStatus()}; when rejected, send it again after the handshake.
     */
    public void offerEarlyData(byte[] data) {
        if (ctx.role() != Role.CLIENT || started) {
            throw new IllegalStateException("only a client offers early data, before beginHandshake()");
        }
        if (data.length == 0) {
            throw new IllegalArgumentException("no early data");
        }
        ctx.offerEarlyData(data);
    }

    /** Client: what became of the early data of {@link #offerEarlyData}; NOT_OFFERED on a server. */
    public io.tlsmachine.impl.handshake.EarlyDataStatus earlyDataStatus() {
        return ctx.earlyDataStatus();
    }

    /**
     * Server: returns and clears the 0-RTT data received so far (possibly empty), apart from 1-RTT data; a peer can
     * make it hold at most the accepted ticket's max_early_data_size (RFC 8446 §4.2.10).
     */
    public byte[] readEarlyData() {
        return ctx.takeEarlyData();
    }

    /** Feeds received bytes; whatever they are, the engine either waits for more, progresses, or fails with one alert. */
    public void feed(byte[] bytes) {
        feed(ByteBuffer.wrap(bytes));
    }

    /** Feeds received bytes from {@code in} (consumed entirely, unless the connection ended first). */
    public void feed(ByteBuffer in) {
        guarded(() -> {
            while (!machine.state().terminal() && in.hasRemaining()) {
                ReceivedRecord record = ctx.reader().read(in);
                if (record == null) {
                    return;
                }
                dispatch(record);
            }
        });
        if (machine.state().terminal()) {
            in.position(in.limit());
        }
    }

    private void dispatch(ReceivedRecord record) {
        Epoch epoch = epochOf(record.epoch());
        if (ctx.assembler().accept(record)) {
            ReceivedHandshakeMessage message;
            while (!machine.state().terminal() && (message = ctx.assembler().poll()) != null) {
                handshake(message);
            }
            return;
        }
        ContentType type = record.type();
        if (type.equals(ContentType.CHANGE_CIPHER_SPEC)) {
            ChangeCipherSpec.decode(record.fragment());
            fire(Input.CHANGE_CIPHER_SPEC, epoch);
        } else if (type.equals(ContentType.ALERT)) {
            Alert alert = Alert.decode(record.fragment());
            ctx.receiveAlert(alert);
            fire(InputMapper.alertInput(alert, machine.facts()), epoch);
        } else if (type.equals(ContentType.APPLICATION_DATA)) {
            ctx.receiveApplicationData(record);
            fire(Input.APPLICATION_DATA, epoch);
        } else {
            throw TlsException.fatal(Reason.UNKNOWN_CONTENT_TYPE, "record type " + type);
        }
    }

    /**
     * Decodes one handshake message and fires its input. A type the model cannot take here is fired as it is
     * (the model raises unexpected_message) before its body is decoded with a context it may not have.
     */
    private void handshake(ReceivedHandshakeMessage received) {
        Epoch epoch = epochOf(received.epoch());
        List<Input> candidates = InputMapper.candidates(received.type());
        if (candidates.isEmpty()) {
            throw TlsException.fatal(Reason.UNEXPECTED_MESSAGE, "handshake type " + received.type().name());
        }
        if (candidates.stream().noneMatch(input -> machine.declares(input, epoch))) {
            fire(candidates.get(0), epoch);
            return;
        }
        HandshakeMessage message = HandshakeCodec.decode(received.encoded(), ctx.decodeContext());
        machine.updateFacts(InputMapper.carriedFacts(message, machine.facts(), ctx.config(), ctx));
        ctx.receive(message, received.encoded());
        fire(InputMapper.input(message), epoch);
    }

    /** Fires one input, reports the transition, writes its declared outputs, then fires any decision the step left. */
    private void fire(Input input, Epoch epoch) {
        ModelState from = machine.state();
        Transition<?, ?> taken = machine.fire(input, epoch);
        if (!listeners.isEmpty()) {
            TakenTransition record = new TakenTransition(from, input, epoch, taken.guard(), taken.to());
            for (TransitionListener listener : listeners) {
                listener.onTransition(record);
            }
        }
        List<Output> outputs = taken.outputsFor(machine.facts());
        out.write(outputs);
        if (taken.to().connected() && !from.connected()) {
            ctx.releaseHandshakeState();
        }
        if (machine.state().terminal() && failure == null) {
            DeclaredRejection.reason(outputs, ctx.abortReason()).ifPresent(reason -> failure = TlsException.fatal(reason, "the model's " + taken.to().name()
                    + " transition on " + input + " (" + taken.rfc() + ")"));
        }
        if (machine.state().terminal()) {
            ctx.destroyKeys();
            return;
        }
        Input decision = ctx.takeDecision();
        if (decision != null) {
            fire(decision, Epoch.LOCAL);
        }
    }

    /** Runs {@code action} on a live connection; what it throws fails the connection ({@link #failOn}). */
    private void guarded(Runnable action) {
        if (machine.state().terminal()) {
            return;
        }
        try {
            action.run();
        } catch (RuntimeException e) {
            failOn(e);
        }
    }

    /** Fires a local input (the application's request) as {@link #guarded} runs an action, without a lambda per call. */
    private void fireLocal(Input input) {
        if (machine.state().terminal()) {
            return;
        }
        try {
            fire(input, Epoch.LOCAL);
        } catch (RuntimeException e) {
            failOn(e);
        }
    }

    /**
     * The one place failures are handled: fails the connection for what a guarded action threw, our typed failure or
     * internal_error for anything else.
     */
    private void failOn(RuntimeException e) {
        if (e instanceof UnexpectedMessage) {
            fail(TlsException.fatal(Reason.UNEXPECTED_MESSAGE, e.getMessage()));
        } else if (e instanceof TlsException tls) {
            fail(tls);
        } else {
            fail(TlsException.fatal(Reason.INTERNAL_ERROR, "unexpected " + e.getClass().getSimpleName(), e));
        }
    }

    /** Sends the one alert {@code e}'s reason maps to (if any), moves the machine to FAILED, and sends nothing more. */
    private void fail(TlsException e) {
        failure = e;
        ctx.flight().clear();
        ctx.rekeyForFatalAlert();
        e.reason().alertToSend().ifPresent(out::writeFatalAlert);
        machine.fail();
        ctx.destroyKeys();
    }

    /**
     * Seals application data for the peer (in a state where the model allows APPLICATION_WRITE); the records wait in
     * {@link #drainOutbound()}. {@code data} is not kept.
     */
    public void writeApplicationData(byte[] data) {
        writeApplicationData(data, 0, data.length);
    }

    /** Seals {@code data[offset, offset+length)} for the peer; see {@link #writeApplicationData(byte[])}. */
    public void writeApplicationData(byte[] data, int offset, int length) {
        java.util.Objects.checkFromIndexSize(offset, length, data.length);
        requireLocal(Input.APPLICATION_WRITE);
        // RFC 8446 §5.5: update the write key before the AEAD limit (or the configured volume) is reached.
        if (ctx.keyUpdateDue() && machine.declares(Input.REQUEST_KEY_UPDATE, Epoch.LOCAL)) {
            fireLocal(Input.REQUEST_KEY_UPDATE);
        }
        // The step queues the caller's bytes without a copy: they are sealed into the outbound buffer before return.
        ctx.pendWrite(new HandshakeContext.PendingWrite(data, offset, length));
        try {
            fireLocal(Input.APPLICATION_WRITE);
        } finally {
            ctx.clearPendingWrite();
        }
    }

    /** Seals the remaining bytes of {@code src} (consumed entirely); see {@link #writeApplicationData(byte[])}. */
    public void writeApplicationData(ByteBuffer src) {
        int length = src.remaining();
        if (src.hasArray()) {
            writeApplicationData(src.array(), src.arrayOffset() + src.position(), length);
        } else {
            byte[] copy = new byte[length];
            src.duplicate().get(copy);
            writeApplicationData(copy, 0, length);
        }
        src.position(src.limit());
    }

    /** Returns and clears the application data received so far (possibly empty). */
    public byte[] readApplicationData() {
        return ctx.takeApplicationData();
    }

    /** Moves as much received application data as fits into {@code dst}; returns how many bytes (possibly 0). */
    public int readApplicationData(ByteBuffer dst) {
        return ctx.takeApplicationData(dst);
    }

    /** The number of received application data bytes not read yet. */
    public int applicationDataAvailable() {
        return ctx.applicationDataAvailable();
    }

    /** RFC 8446 §4.6.3: updates our write key and asks the peer to update too. */
    public void requestKeyUpdate() {
        requireLocal(Input.REQUEST_KEY_UPDATE);
        fireLocal(Input.REQUEST_KEY_UPDATE);
    }

    /**
     * RFC 8446 §4.6.2: a connected TLS 1.3 server asks the client to authenticate now; when the client did not offer
     * post_handshake_auth the model declines and nothing is sent.
     */
    public void requestClientAuth() {
        requireLocal(Input.REQUEST_CLIENT_AUTH);
        fireLocal(Input.REQUEST_CLIENT_AUTH);
    }

    /** RFC 8446 §4.6.1: a TLS 1.3 server sends another NewSessionTicket (when tickets are enabled). */
    public void sendNewSessionTicket() {
        requireLocal(Input.SEND_NEW_SESSION_TICKET);
        fireLocal(Input.SEND_NEW_SESSION_TICKET);
    }

    /** Sends close_notify (RFC 8446 §6.1, RFC 5246 §7.2.1) when the model allows CLOSE here; does nothing once terminal. */
    public void close() {
        if (machine.state().terminal()) {
            return;
        }
        requireLocal(Input.CLOSE);
        fireLocal(Input.CLOSE);
    }

    private void requireLocal(Input input) {
        if (!machine.declares(input, Epoch.LOCAL)) {
            throw new IllegalStateException(input + " is not possible in state " + machine.state().name());
        }
    }

    /**
     * RFC 8446 §7.5, RFC 5705: exports {@code length} bytes of keying material for {@code label} and {@code context}
     * (null: no context) once the handshake is complete; both ends get the same bytes.
     */
    public byte[] exportKeyingMaterial(String label, byte[] context, int length) {
        if (!isHandshakeComplete()) {
            throw new IllegalStateException("keying material can be exported once the handshake is complete, not in "
                    + machine.state().name());
        }
        return ctx.exportKeyingMaterial(label, context, length);
    }

    /** Returns and clears the bytes to send to the peer. */
    public byte[] drainOutbound() {
        return out.drain();
    }

    /** Moves as many of the bytes to send to the peer as fit into {@code dst}; returns how many (possibly 0). */
    public int drainOutbound(ByteBuffer dst) {
        return out.drainInto(dst);
    }

    /**
     * Lends the bytes to send to the peer to {@code sink} as one buffer over the engine's own outbound queue, with no
     * copy (e.g. {@code engine.drainOutboundTo(buffer -> channel.write(buffer))}); what the sink consumes, advancing
     * the buffer's position, leaves the queue. The buffer is valid only during the call. Returns how many bytes left.
     */
    public int drainOutboundTo(java.util.function.Consumer<ByteBuffer> sink) {
        return out.drainWith(sink);
    }

    /** The number of bytes waiting in {@link #drainOutbound()}. */
    public int outboundPending() {
        return out.pending();
    }

    /** Returns the current model state. */
    public ModelState state() {
        return machine.state();
    }

    public boolean isHandshakeComplete() {
        return machine.state().connected();
    }

    /** Whether the connection failed (an alert was sent or received). */
    public boolean isFailed() {
        return machine.state().name().equals("FAILED");
    }

    /** Whether the connection ended in order (close_notify). */
    public boolean isClosed() {
        return machine.state().name().equals("CLOSED");
    }

    /** Returns why the connection failed. */
    public Optional<TlsException> failure() {
        return Optional.ofNullable(failure);
    }

    /** Returns the alert the peer sent last, if any. */
    public Optional<Alert> receivedAlert() {
        return ctx.receivedAlert();
    }

    /** Returns the negotiated parameters once the version and suite are known. */
    public Optional<NegotiatedParameters> negotiated() {
        io.tlsmachine.model.Negotiated facts = machine.facts();
        return ctx.negotiated(facts.pskAccepted() || facts.tls12Handshake().abbreviated());
    }

    /** Returns the facts the model's guards read. */
    public io.tlsmachine.model.Negotiated facts() {
        return machine.facts();
    }

    /** Returns this engine's role. */
    public Role role() {
        return ctx.role();
    }

    /** Returns the model definition this engine runs (for checking traces against it). */
    public io.tlsmachine.model.MachineDefinition<?, ?> definition() {
        return machine.definition();
    }

    /** The model epoch of a record epoch (same names; a switch, not a by-name lookup per record). */
    private static Epoch epochOf(io.tlsmachine.impl.record.RecordEpoch epoch) {
        return switch (epoch) {
            case PLAINTEXT -> Epoch.PLAINTEXT;
            case EARLY -> Epoch.EARLY;
            case HANDSHAKE -> Epoch.HANDSHAKE;
            case APPLICATION -> Epoch.APPLICATION;
        };
    }
}
