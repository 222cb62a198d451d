package io.tlsmachine;

import io.tlsmachine.impl.engine.EngineParts;
import io.tlsmachine.impl.engine.FlightWriter;
import io.tlsmachine.impl.engine.InboundRecords;
import io.tlsmachine.impl.engine.ModelDriver;
import io.tlsmachine.impl.engine.RoleMachine;

import io.tlsmachine.model.analysis.Role;
import io.tlsmachine.impl.handshake.HandshakeContext;
import io.tlsmachine.impl.handshake.PendingWrite;
import io.tlsmachine.impl.record.ReceivedRecord;
import io.tlsmachine.impl.record.RecordLayer;
import io.tlsmachine.model.Epoch;
import io.tlsmachine.model.Input;
import io.tlsmachine.model.ModelState;
import io.tlsmachine.model.Negotiated;
import io.tlsmachine.model.UnexpectedMessage;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

/**
 * Runs one TLS 1.2 / 1.3 connection, sans-IO: bytes in with {@link #feed}, bytes out with {@link #drainOutbound},
 * application data with {@link #writeApplicationData} and {@link #readApplicationData}. Not thread-safe.
 *
 * <p>Every received message and every local command becomes a model input fired into the role's compiled
 * machine; the transition's step (in {@code impl.handshake}) verifies, derives keys and produces the content of
 * the outputs the transition declares, which {@link FlightWriter} writes. The engine never chooses a state.
 *
 * <p>Failure is handled in one place, {@link ModelDriver#failOn}: any {@link TlsException} or {@link UnexpectedMessage} (and
 * any other exception, as internal_error) sends exactly one alert, the one its reason maps to, moves the machine
 * to FAILED, and nothing is sent afterwards. A received fatal alert moves it to FAILED and nothing is sent.
 *
 * <p>Memory a peer can make us hold: one record (RecordLimits.MAX_RECORD_LENGTH) and one incomplete handshake
 * message (the configured maximum, 256 KiB for certificate chains); received application data waits in
 * {@link #readApplicationData()} until taken, so a caller bounds it by how much it feeds between reads.
 */
public final class TlsEngine {

    private final RecordLayer records;
    private final HandshakeContext ctx;
    private final RoleMachine<?, ?, ?> machine;
    private final FlightWriter out;
    private final ModelDriver driver;
    private final InboundRecords inbound;
    private boolean started;

    private TlsEngine(TlsConfig config, Role role, MachineKind kind) {
        this.records = new RecordLayer(config.maxHandshakeMessageSize(), config.paddingPolicy());
        this.ctx = new HandshakeContext(config, TlsConfig::internals, role, records);
        EngineParts parts = EngineParts.wire(config, role, kind == MachineKind.COMPILED_TABLE, ctx, records);
        this.machine = parts.machine();
        this.out = parts.out();
        this.driver = parts.driver();
        this.inbound = parts.inbound();
    }

    /**
     * Creates a client engine; call {@link #beginHandshake()} after adding listeners.
     *
     * @throws IllegalArgumentException when the server's certificate is to be verified but no server name is set
     * @param config the client configuration (with the server name)
     * @return the engine, not started
     */
    public static TlsEngine client(TlsConfig config) {
        return client(config, MachineKind.COMPILED_TABLE);
    }

    /**
     * Creates a client engine on the chosen runner of the model (the strict Squirrel one cross-checks the table).
     *
     * @throws IllegalArgumentException when the server's certificate is to be verified but no server name is set
     * @param config the client configuration (with the server name)
     * @param kind which runner of the model drives the engine
     * @return the engine, not started
     */
    public static TlsEngine client(TlsConfig config, MachineKind kind) {
        boolean insecure = config.certificateVerifier()
                .filter(v -> v == io.tlsmachine.CertificateVerifier.insecureAcceptAnyCertificate()).isPresent();
        if (!insecure && config.serverName().isEmpty()) {
            throw new IllegalArgumentException("a client that verifies the server's certificate needs a server name");
        }
        return new TlsEngine(config, Role.CLIENT, kind);
    }

    /**
     * Creates a client engine for a connection to {@code serverName} (server_name, RFC 6066 §3, and the name the
     * server's certificate must match), so one configuration serves many hosts; any server name in {@code config} is
     * replaced for this connection.
     * @param config the client configuration
     * @param serverName the server's name
     * @return the engine, not started
     */
    public static TlsEngine client(TlsConfig config, String serverName) {
        return client(config.withServerName(serverName), MachineKind.COMPILED_TABLE);
    }

    /**
     * Creates a server engine (it needs a certificate chain and key in {@code config}).
     * @param config the server configuration
     * @return the engine, waiting for a ClientHello
     */
    public static TlsEngine server(TlsConfig config) {
        return new TlsEngine(config, Role.SERVER, MachineKind.COMPILED_TABLE);
    }

    /**
     * Creates a server engine on the chosen runner of the model.
     * @param config the server configuration
     * @param kind which runner of the model drives the engine
     * @return the engine, waiting for a ClientHello
     */
    public static TlsEngine server(TlsConfig config, MachineKind kind) {
        return new TlsEngine(config, Role.SERVER, kind);
    }

    /**
     * Adds a listener that receives every transition taken from now on.
     * @param listener the listener
     * @return this engine
     */
    public TlsEngine addTransitionListener(TransitionListener listener) {
        driver.addListeners(List.of(listener));
        return this;
    }

    /** Client: fires CONNECT (the ClientHello is then in {@link #drainOutbound()}). Server: nothing to do. */
    public void beginHandshake() {
        if (started) {
            return;
        }
        started = true;
        if (ctx.role() == Role.CLIENT) {
            driver.fireLocal(Input.CONNECT, null);
        }
    }

    /**
     * Client, before {@link #beginHandshake()}: sends {@code data} as 0-RTT data right after the ClientHello when the
     * stored ticket for this server allows early data (RFC 8446 §2.3, §4.2.10) and at least this much of it, else
     * it is not sent. Early data is replayable by an attacker (§8): send only what is safe to repeat. Whether the
     * server took it is {@link #earlyDataStatus()}; when rejected, send it again after the handshake.
     * @param data the early data
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

    /**
     * Client: what became of the early data of {@link #offerEarlyData}; NOT_OFFERED on a server.
     * @return the early data's status
     */
    public io.tlsmachine.EarlyDataStatus earlyDataStatus() {
        return ctx.earlyDataStatus();
    }

    /**
     * Server: returns and clears the 0-RTT data received so far (possibly empty), apart from 1-RTT data; a peer can
     * make it hold at most the accepted ticket's max_early_data_size (RFC 8446 §4.2.10).
     * @return the 0-RTT data received, possibly empty
     */
    public byte[] readEarlyData() {
        return ctx.takeEarlyData();
    }

    /**
     * Feeds received bytes; whatever they are, the engine either waits for more, progresses, or fails with one alert.
     * @param bytes the bytes received
     */
    public void feed(byte[] bytes) {
        feed(ByteBuffer.wrap(bytes));
    }

    /**
     * Feeds received bytes from {@code in} (consumed entirely, unless the connection ended first).
     * @param in the buffer of received bytes
     */
    public void feed(ByteBuffer in) {
        driver.guarded(() -> {
            while (!machine.state().terminal() && in.hasRemaining()) {
                ReceivedRecord record = records.reader().read(in);
                if (record == null) {
                    return;
                }
                inbound.dispatch(record);
            }
        });
        if (machine.state().terminal()) {
            in.position(in.limit());
        }
    }

    /**
     * Seals application data for the peer (in a state where the model allows APPLICATION_WRITE); the records wait in
     * {@link #drainOutbound()}. {@code data} is not kept.
     * @param data the application data
     */
    public void writeApplicationData(byte[] data) {
        writeApplicationData(data, 0, data.length);
    }

    /**
     * Seals {@code data[offset, offset+length)} for the peer; see {@link #writeApplicationData(byte[])}.
     * @param data the array holding the application data
     * @param offset where the data starts
     * @param length how many bytes to send
     */
    public void writeApplicationData(byte[] data, int offset, int length) {
        java.util.Objects.checkFromIndexSize(offset, length, data.length);
        requireLocal(Input.APPLICATION_WRITE);
        // RFC 8446 §5.5: update the write key before the AEAD limit (or the configured volume) is reached.
        if (records.writeKeyUpdateDue(ctx.config().keyUpdateAfterBytes()) && machine.declares(Input.REQUEST_KEY_UPDATE, Epoch.LOCAL)) {
            driver.fireLocal(Input.REQUEST_KEY_UPDATE, null);
        }
        // The step queues the caller's bytes without a copy: they are sealed into the outbound buffer before return.
        driver.fireLocal(Input.APPLICATION_WRITE, new PendingWrite(data, offset, length));
    }

    /**
     * Seals the remaining bytes of {@code src} (consumed entirely); see {@link #writeApplicationData(byte[])}.
     * @param src the buffer of application data
     */
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

    /** {@return the application data received so far (possibly empty), which this clears} */
    public byte[] readApplicationData() {
        return records.takeApplicationData();
    }

    /**
     * Moves as much received application data as fits into {@code dst}; returns how many bytes (possibly 0).
     * @param dst the buffer to fill
     * @return the number of bytes moved
     */
    public int readApplicationData(ByteBuffer dst) {
        return records.takeApplicationData(dst);
    }

    /** {@return the number of received application data bytes not read yet} */
    public int applicationDataAvailable() {
        return records.applicationDataAvailable();
    }

    /** RFC 8446 §4.6.3: updates our write key and asks the peer to update too. */
    public void requestKeyUpdate() {
        requireLocal(Input.REQUEST_KEY_UPDATE);
        driver.fireLocal(Input.REQUEST_KEY_UPDATE, null);
    }

    /**
     * RFC 8446 §4.6.2: a connected TLS 1.3 server asks the client to authenticate now; when the client did not offer
     * post_handshake_auth the model declines and nothing is sent.
     */
    public void requestClientAuth() {
        requireLocal(Input.REQUEST_CLIENT_AUTH);
        driver.fireLocal(Input.REQUEST_CLIENT_AUTH, null);
    }

    /** RFC 8446 §4.6.1: a TLS 1.3 server sends another NewSessionTicket (when tickets are enabled). */
    public void sendNewSessionTicket() {
        requireLocal(Input.SEND_NEW_SESSION_TICKET);
        driver.fireLocal(Input.SEND_NEW_SESSION_TICKET, null);
    }

    /** Sends close_notify (RFC 8446 §6.1, RFC 5246 §7.2.1) when the model allows CLOSE here; does nothing once terminal. */
    public void close() {
        if (machine.state().terminal()) {
            return;
        }
        requireLocal(Input.CLOSE);
        driver.fireLocal(Input.CLOSE, null);
    }

    private void requireLocal(Input input) {
        if (!machine.declares(input, Epoch.LOCAL)) {
            throw new IllegalStateException(input + " is not possible in state " + machine.state().name());
        }
    }

    /**
     * RFC 8446 §7.5, RFC 5705: exports {@code length} bytes of keying material for {@code label} and {@code context}
     * (null: no context) once the handshake is complete; both ends get the same bytes.
     * @param label the exporter label
     * @param context the context, or null for none
     * @param length the number of bytes to export
     * @return the keying material
     */
    public byte[] exportKeyingMaterial(String label, byte[] context, int length) {
        if (!isHandshakeComplete()) {
            throw new IllegalStateException("keying material can be exported once the handshake is complete, not in "
                    + machine.state().name());
        }
        return ctx.exportKeyingMaterial(label, context, length);
    }

    /** {@return the bytes to send to the peer, which this clears} */
    public byte[] drainOutbound() {
        return out.drain();
    }

    /**
     * Moves as many of the bytes to send to the peer as fit into {@code dst}; returns how many (possibly 0).
     * @param dst the buffer to fill
     * @return the number of bytes moved
     */
    public int drainOutbound(ByteBuffer dst) {
        return out.drainInto(dst);
    }

    /**
     * Lends the bytes to send to the peer to {@code sink} as one buffer over the engine's own outbound queue, with no
     * copy (e.g. {@code engine.drainOutboundTo(buffer -> channel.write(buffer))}); what the sink consumes, advancing
     * the buffer's position, leaves the queue. The buffer is valid only during the call. Returns how many bytes left.
     * @param sink what consumes the bytes
     * @return the number of bytes still queued
     */
    public int drainOutboundTo(java.util.function.Consumer<ByteBuffer> sink) {
        return out.drainWith(sink);
    }

    /** {@return the number of bytes waiting in {@link #drainOutbound()}} */
    public int outboundPending() {
        return out.pending();
    }

    /** {@return the current model state} */
    public ModelState state() {
        return machine.state();
    }

    /** {@return whether the handshake completed: the machine is in a connected state} */
    public boolean isHandshakeComplete() {
        return machine.state().connected();
    }

    /** {@return whether the connection failed (an alert was sent or received)} */
    public boolean isFailed() {
        return machine.state().name().equals("FAILED");
    }

    /** {@return whether the connection ended in order (close_notify)} */
    public boolean isClosed() {
        return machine.state().name().equals("CLOSED");
    }

    /** {@return why the connection failed} */
    public Optional<TlsException> failure() {
        return driver.failure();
    }

    /** {@return the alert the peer sent last, if any} */
    public Optional<Alert> receivedAlert() {
        return inbound.receivedAlert();
    }

    /** {@return the negotiated parameters once the version and suite are known} */
    public Optional<NegotiatedParameters> negotiated() {
        Negotiated facts = machine.facts();
        return ctx.negotiated(facts.pskAccepted() || facts.tls12Handshake().abbreviated());
    }

    /** {@return the facts the model's guards read} */
    public Negotiated facts() {
        return machine.facts();
    }

    /** {@return this engine's role} */
    public Role role() {
        return ctx.role();
    }

    /** {@return the model definition this engine runs (for checking traces against it)} */
    public io.tlsmachine.model.MachineDefinition<?, ?> definition() {
        return machine.definition();
    }
}
