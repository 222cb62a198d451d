package io.tlsmachine.jsse;

import io.tlsmachine.TlsEngine;
import io.tlsmachine.Reason;
import io.tlsmachine.TlsException;
import io.tlsmachine.NegotiatedParameters;
import io.tlsmachine.impl.record.RecordLimits;
import io.tlsmachine.model.ModelState;
import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLEngineResult.Status;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

/**
 * An SSLEngine over the model-driven {@link TlsEngine}: {@code wrap} drains the engine's outbound records (or seals
 * up to one record of application data), {@code unwrap} feeds it exactly one whole record per call, as the
 * SSLEngine contract describes. The engine is created on the first {@code beginHandshake}, {@code wrap} or
 * {@code unwrap}, with the credential the key manager chooses and a verifier that asks the trust manager.
 * Delegated tasks are never needed: {@link #getDelegatedTask()} returns null. Not thread-safe beyond its locks.
 */
final class TlsMachineEngine extends SSLEngine {
    /** Room a sealed record needs beyond its plaintext: header, TLS 1.2 nonce or 1.3 type, tag and a KeyUpdate. */
    private static final int SEALING_OVERHEAD = 256;

    private final EngineSetup setup;
    private final EngineParameters parameters;
    private final TlsMachineSession session;
    private boolean clientMode;
    private TlsEngine tls;
    private boolean finishedReported;
    private boolean closeRequested;
    private boolean inboundDone;
    private boolean sessionCreation = true;
    /** The socket this engine works for, whose managers' callbacks get it instead of the engine; or null. */
    private SSLSocket socket;
    private BiFunction<SSLEngine, List<String>, String> alpnSelector;

    TlsMachineEngine(EngineSetup setup, List<String> defaultProtocols, String peerHost, int peerPort) {
        super(peerHost, peerPort);
        this.setup = setup;
        this.parameters = new EngineParameters(defaultProtocols);
        this.session = new TlsMachineSession(peerHost, peerPort, setup.random());
    }

    /** Makes the key and trust managers' callbacks get {@code owner} rather than this engine. */
    synchronized void socket(SSLSocket owner) {
        socket = owner;
    }

    private TlsEngine started() throws SSLException {
        if (tls == null) {
            tls = setup.start(this, socket, parameters, session);
        }
        return tls;
    }

    @Override
    public synchronized SSLEngineResult wrap(ByteBuffer[] srcs, int offset, int length, ByteBuffer dst) throws SSLException {
        Objects.checkFromIndexSize(offset, length, srcs.length);
        if (dst.isReadOnly()) {
            throw new ReadOnlyBufferException();
        }
        if (closeRequested && tls == null) {
            return result(Status.CLOSED, 0, 0);
        }
        TlsEngine engine = started();
        int pending = engine.outboundPending();
        if (pending > 0) {
            if (dst.remaining() < Math.min(pending, TlsMachineSession.PACKET_BUFFER_SIZE)) {
                return result(Status.BUFFER_OVERFLOW, 0, 0);
            }
            int produced = engine.drainOutbound(dst);
            return result(outboundEnded() ? Status.CLOSED : Status.OK, 0, produced);
        }
        if (outboundEnded()) {
            return result(Status.CLOSED, 0, 0);
        }
        long available = RecordFraming.remaining(srcs, offset, length);
        if (!engine.isHandshakeComplete() || available == 0) {
            return result(Status.OK, 0, 0);
        }
        int chunk = (int) Math.min(available, RecordLimits.MAX_PLAINTEXT_LENGTH);
        if (dst.remaining() < chunk + SEALING_OVERHEAD) {
            return result(Status.BUFFER_OVERFLOW, 0, 0);
        }
        byte[] plaintext = new byte[chunk];
        for (int i = offset, copied = 0; copied < chunk; i++) {
            int take = Math.min(srcs[i].remaining(), chunk - copied);
            srcs[i].get(plaintext, copied, take);
            copied += take;
        }
        engine.writeApplicationData(plaintext);
        session.accessed();
        return result(Status.OK, chunk, engine.drainOutbound(dst));
    }

    /** Whether wrap will produce nothing more: the engine ended and its last record (close_notify or alert) is out. */
    private boolean outboundEnded() {
        return tls != null && tls.state().terminal() && tls.outboundPending() == 0;
    }

    @Override
    public synchronized SSLEngineResult unwrap(ByteBuffer src, ByteBuffer[] dsts, int offset, int length) throws SSLException {
        Objects.checkFromIndexSize(offset, length, dsts.length);
        for (int i = offset; i < offset + length; i++) {
            if (dsts[i].isReadOnly()) {
                throw new ReadOnlyBufferException();
            }
        }
        if (inboundDone) {
            return result(Status.CLOSED, 0, 0);
        }
        TlsEngine engine = started();
        if (engine.applicationDataAvailable() > 0) {
            return result(Status.OK, 0, deliver(engine, dsts, offset, length));
        }
        int recordLength = RecordFraming.completeRecordLength(src);
        if (recordLength < 0 && getHandshakeStatus() == HandshakeStatus.NEED_WRAP) {
            return result(Status.OK, 0, 0);
        }
        if (recordLength < 0) {
            return result(Status.BUFFER_UNDERFLOW, 0, 0);
        }
        if (engine.isHandshakeComplete() && RecordFraming.contentType(src) == RecordFraming.APPLICATION_DATA
                && RecordFraming.maxPlaintext(recordLength, RecordFraming.explicitNonce(engine.negotiated()))
                        > RecordFraming.remaining(dsts, offset, length)) {
            return result(Status.BUFFER_OVERFLOW, 0, 0);
        }
        boolean wasTerminal = engine.state().terminal();
        ByteBuffer record = src.duplicate();
        record.limit(record.position() + recordLength);
        engine.feed(record);
        src.position(src.position() + recordLength);
        session.accessed();
        int produced = deliver(engine, dsts, offset, length);
        if (engine.isFailed() && !wasTerminal) {
            throw failure(engine);
        }
        if (engine.state().terminal()) {
            inboundDone = true;
            return result(Status.CLOSED, recordLength, produced);
        }
        return result(Status.OK, recordLength, produced);
    }

    /** The exception of a failed engine: the peer's alert when it sent one (naming it, as SunJSSE does), else why we failed. */
    private SSLException failure(TlsEngine engine) {
        boolean peerFailed = engine.failure().map(TlsException::reason).orElse(Reason.PEER_SENT_FATAL_ALERT)
                == Reason.PEER_SENT_FATAL_ALERT;
        String why = engine.receivedAlert().filter(alert -> peerFailed).map(alert -> "the peer sent " + alert)
                .or(() -> engine.failure().map(TlsException::getMessage))
                .orElse("the connection failed");
        SSLException exception = finishedReported ? new SSLException(why) : new SSLHandshakeException(why);
        engine.failure().ifPresent(exception::initCause);
        return exception;
    }

    private static int deliver(TlsEngine engine, ByteBuffer[] dsts, int offset, int length) {
        int produced = 0;
        for (int i = offset; i < offset + length && engine.applicationDataAvailable() > 0; i++) {
            produced += engine.readApplicationData(dsts[i]);
        }
        return produced;
    }

    /** Builds a result, reporting FINISHED once: on the first result after the handshake completed and its last flight left. */
    private SSLEngineResult result(Status status, int consumed, int produced) {
        HandshakeStatus handshake = getHandshakeStatus();
        tls().flatMap(TlsEngine::negotiated).ifPresent(session::negotiated);
        if (!finishedReported && tls != null && tls.isHandshakeComplete() && tls.outboundPending() == 0) {
            finishedReported = true;
            handshake = HandshakeStatus.FINISHED;
            tls.negotiated().ifPresent(negotiated -> setup.established(session, negotiated, clientMode));
        }
        return new SSLEngineResult(status, handshake, consumed, produced);
    }

    private Optional<TlsEngine> tls() {
        return Optional.ofNullable(tls);
    }

    @Override
    public synchronized HandshakeStatus getHandshakeStatus() {
        if (tls == null) {
            return HandshakeStatus.NOT_HANDSHAKING;
        }
        if (tls.outboundPending() > 0) {
            return HandshakeStatus.NEED_WRAP;
        }
        ModelState state = tls.state();
        if (state.terminal() || tls.isHandshakeComplete()) {
            return HandshakeStatus.NOT_HANDSHAKING;
        }
        return HandshakeStatus.NEED_UNWRAP;
    }

    @Override
    public synchronized void beginHandshake() throws SSLException {
        if (tls != null && finishedReported) {
            throw new UnsupportedOperationException("SSLEngine.beginHandshake after the handshake (renegotiation or"
                    + " a TLS 1.3 KeyUpdate through it) is not supported");
        }
        if (closeRequested || inboundDone) {
            throw new SSLException("the engine is closed");
        }
        started();
    }

    @Override
    public Runnable getDelegatedTask() {
        return null;
    }

    @Override
    public synchronized void closeInbound() throws SSLException {
        if (inboundDone) {
            return;
        }
        inboundDone = true;
        boolean truncated = tls != null && !tls.state().terminal();
        closeOutbound();
        if (truncated) {
            throw new SSLException("inbound closed before the peer's close_notify: possible truncation attack");
        }
    }

    @Override
    public synchronized boolean isInboundDone() {
        return inboundDone;
    }

    /** Queues close_notify where the model allows CLOSE; mid-handshake, where it does not, wrap just reports CLOSED. */
    @Override
    public synchronized void closeOutbound() {
        closeRequested = true;
        if (tls != null && !tls.state().terminal() && tls.isHandshakeComplete()) {
            tls.close();
        }
    }

    @Override
    public synchronized boolean isOutboundDone() {
        return tls == null ? closeRequested : outboundEnded() || closeRequested && tls.outboundPending() == 0;
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return JsseProtocols.supportedSuites();
    }

    @Override
    public synchronized String[] getEnabledCipherSuites() {
        return parameters.cipherSuites();
    }

    @Override
    public synchronized void setEnabledCipherSuites(String[] suites) {
        parameters.cipherSuites(suites);
    }

    @Override
    public String[] getSupportedProtocols() {
        return JsseProtocols.supportedProtocols();
    }

    @Override
    public synchronized String[] getEnabledProtocols() {
        return parameters.protocols();
    }

    @Override
    public synchronized void setEnabledProtocols(String[] protocols) {
        parameters.protocols(protocols);
    }

    @Override
    public SSLSession getSession() {
        return session;
    }

    @Override
    public synchronized SSLSession getHandshakeSession() {
        return tls != null && !finishedReported ? session : null;
    }

    @Override
    public synchronized void setUseClientMode(boolean mode) {
        if (tls != null) {
            throw new IllegalArgumentException("setUseClientMode after the handshake started");
        }
        clientMode = mode;
    }

    @Override
    public synchronized boolean getUseClientMode() {
        return clientMode;
    }

    @Override
    public synchronized void setNeedClientAuth(boolean need) {
        parameters.needClientAuth(need);
    }

    @Override
    public synchronized boolean getNeedClientAuth() {
        return parameters.needClientAuth();
    }

    @Override
    public synchronized void setWantClientAuth(boolean want) {
        parameters.wantClientAuth(want);
    }

    @Override
    public synchronized boolean getWantClientAuth() {
        return parameters.wantClientAuth();
    }

    /**
     * Whether a handshake may create a session; when not, a client only resumes (see {@link EngineSetup}), and a
     * server engine refuses to start ({@link UnsupportedOperationException}).
     */
    @Override
    public synchronized void setEnableSessionCreation(boolean enabled) {
        sessionCreation = enabled;
    }

    @Override
    public synchronized boolean getEnableSessionCreation() {
        return sessionCreation;
    }

    @Override
    public synchronized SSLParameters getSSLParameters() {
        return parameters.toSslParameters();
    }

    @Override
    public synchronized void setSSLParameters(SSLParameters sslParameters) {
        parameters.apply(sslParameters);
    }

    /** The ALPN protocol chosen: null before the handshake ended, "" when none was. */
    @Override
    public synchronized String getApplicationProtocol() {
        return finishedReported ? negotiatedProtocol() : null;
    }

    @Override
    public synchronized String getHandshakeApplicationProtocol() {
        return tls != null && !finishedReported ? negotiatedProtocol() : null;
    }

    private String negotiatedProtocol() {
        return tls.negotiated().flatMap(NegotiatedParameters::applicationProtocol).orElse("");
    }

    /** A server's choice of ALPN protocol among the client's, made once its ClientHello is read (see HelloChoices). */
    @Override
    public synchronized void setHandshakeApplicationProtocolSelector(BiFunction<SSLEngine, List<String>, String> selector) {
        alpnSelector = selector;
    }

    @Override
    public synchronized BiFunction<SSLEngine, List<String>, String> getHandshakeApplicationProtocolSelector() {
        return alpnSelector;
    }
}
