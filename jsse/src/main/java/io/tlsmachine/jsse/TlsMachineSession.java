package io.tlsmachine.jsse;

import io.tlsmachine.SignatureAlgorithm;
import io.tlsmachine.NegotiatedParameters;
import io.tlsmachine.impl.record.RecordLimits;
import java.security.Principal;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLSessionBindingEvent;
import javax.net.ssl.SSLSessionBindingListener;
import javax.net.ssl.SSLSessionContext;

/**
 * The SSLSession of one {@link TlsMachineEngine}: what its handshake negotiated (protocol, suite, certificates),
 * the peer's host and port, and the application's values. Before the handshake ends its protocol is "NONE" and its
 * suite {@code SSL_NULL_WITH_NULL_NULL}, as in SunJSSE.
 */
final class TlsMachineSession extends ExtendedSSLSession {
    /** The most plaintext one record carries (RFC 8446 §5.1, RFC 5246 §6.2.1). */
    static final int APPLICATION_BUFFER_SIZE = RecordLimits.MAX_PLAINTEXT_LENGTH;
    /** The largest record a peer may send (TLS 1.2's ciphertext limit, RFC 5246 §6.2.3, with its header). */
    static final int PACKET_BUFFER_SIZE = RecordLimits.MAX_RECORD_LENGTH;

    private volatile byte[] id;
    private volatile long creationTime = System.currentTimeMillis();
    private volatile TlsMachineSessionContext context;
    private volatile NegotiatedParameters negotiatedParameters;
    private final String peerHost;
    private final int peerPort;
    private final Map<String, Object> values = new ConcurrentHashMap<>();
    private volatile long lastAccessedTime = creationTime;
    private volatile String protocol = "NONE";
    private volatile String cipherSuite = "SSL_NULL_WITH_NULL_NULL";
    private volatile List<X509Certificate> peerCertificates = List.of();
    private volatile List<X509Certificate> localCertificates = List.of();
    private volatile boolean valid = true;
    private volatile List<SNIServerName> requestedServerNames = List.of();
    private volatile String[] peerSignatureAlgorithms = new String[0];

    TlsMachineSession(String peerHost, int peerPort, SecureRandom random) {
        this(peerHost, peerPort, new byte[32]);
        random.nextBytes(id);
    }

    private TlsMachineSession(String peerHost, int peerPort, byte[] id) {
        this.peerHost = peerHost;
        this.peerPort = peerPort;
        this.id = id;
    }

    /** The session of a connection whose handshake failed: no id, protocol "NONE", suite SSL_NULL_WITH_NULL_NULL. */
    static TlsMachineSession unestablished(String peerHost, int peerPort) {
        return new TlsMachineSession(peerHost, peerPort, new byte[0]);
    }

    void negotiated(NegotiatedParameters negotiated) {
        this.negotiatedParameters = negotiated;
        this.protocol = JsseProtocols.name(negotiated.version());
        this.cipherSuite = negotiated.cipherSuite().name();
    }

    /** What the handshake negotiated (resumed or not, ALPN, group, scheme); empty before the ServerHello. */
    Optional<NegotiatedParameters> negotiatedParameters() {
        return Optional.ofNullable(negotiatedParameters);
    }

    /** Takes {@code identity} as this session's id: on a server, the engine's identity of the session, which resumptions keep. */
    void identity(byte[] identity) {
        id = identity.clone();
    }

    /**
     * Makes this session, established by resuming {@code previous}, continue it: its id, creation time and (as a
     * resumption authenticates no one anew) the peer's certificates.
     */
    void continues(TlsMachineSession previous) {
        id = previous.id;
        creationTime = previous.creationTime;
        if (peerCertificates.isEmpty()) {
            peerCertificates = previous.peerCertificates;
        }
    }

    /**
     * Records what the peer's hello asked for, before our credential is chosen (so that key managers reading the
     * handshake session see it): the server names, the signature algorithms it verifies, the version to negotiate.
     */
    void offered(List<SNIServerName> serverNames, List<SignatureAlgorithm> peerSchemes, String protocol) {
        requestedServerNames = List.copyOf(serverNames);
        peerSignatureAlgorithms = JsseProtocols.jcaNames(peerSchemes);
        this.protocol = protocol;
    }

    void context(TlsMachineSessionContext owner) {
        context = owner;
    }

    void peerCertificates(List<X509Certificate> chain) {
        peerCertificates = List.copyOf(chain);
    }

    void localCertificates(List<X509Certificate> chain) {
        localCertificates = List.copyOf(chain);
    }

    void accessed() {
        lastAccessedTime = System.currentTimeMillis();
    }

    @Override
    public byte[] getId() {
        return id.clone();
    }

    /** The context keeping this session once it is established; null before. */
    @Override
    public SSLSessionContext getSessionContext() {
        return context;
    }

    @Override
    public long getCreationTime() {
        return creationTime;
    }

    @Override
    public long getLastAccessedTime() {
        return lastAccessedTime;
    }

    @Override
    public void invalidate() {
        valid = false;
        TlsMachineSessionContext owner = context;
        if (owner != null) {
            owner.remove(this);
        }
    }

    @Override
    public boolean isValid() {
        return valid;
    }

    @Override
    public void putValue(String name, Object value) {
        Object previous = values.put(name, value);
        if (previous instanceof SSLSessionBindingListener listener) {
            listener.valueUnbound(new SSLSessionBindingEvent(this, name));
        }
        if (value instanceof SSLSessionBindingListener listener) {
            listener.valueBound(new SSLSessionBindingEvent(this, name));
        }
    }

    @Override
    public Object getValue(String name) {
        return values.get(name);
    }

    @Override
    public void removeValue(String name) {
        Object previous = values.remove(name);
        if (previous instanceof SSLSessionBindingListener listener) {
            listener.valueUnbound(new SSLSessionBindingEvent(this, name));
        }
    }

    @Override
    public String[] getValueNames() {
        return values.keySet().toArray(String[]::new);
    }

    @Override
    public Certificate[] getPeerCertificates() throws SSLPeerUnverifiedException {
        if (peerCertificates.isEmpty()) {
            throw new SSLPeerUnverifiedException("the peer is not authenticated");
        }
        return peerCertificates.toArray(Certificate[]::new);
    }

    @Override
    public Certificate[] getLocalCertificates() {
        return localCertificates.isEmpty() ? null : localCertificates.toArray(Certificate[]::new);
    }

    /** Deprecated in JSSE (javax.security.cert); always refused. */
    @Override
    @SuppressWarnings("removal")
    public javax.security.cert.X509Certificate[] getPeerCertificateChain() {
        throw new UnsupportedOperationException("SSLSession.getPeerCertificateChain is not supported (deprecated)");
    }

    @Override
    public Principal getPeerPrincipal() throws SSLPeerUnverifiedException {
        if (peerCertificates.isEmpty()) {
            throw new SSLPeerUnverifiedException("the peer is not authenticated");
        }
        return peerCertificates.get(0).getSubjectX500Principal();
    }

    @Override
    public Principal getLocalPrincipal() {
        return localCertificates.isEmpty() ? null : localCertificates.get(0).getSubjectX500Principal();
    }

    /** The signature algorithms we verify: all we implement, as standard Java Security names. */
    @Override
    public String[] getLocalSupportedSignatureAlgorithms() {
        return JsseProtocols.jcaNames(List.of(SignatureAlgorithm.values()));
    }

    /** A server's: those of the client's signature_algorithms we implement; a client's: none recorded. */
    @Override
    public String[] getPeerSupportedSignatureAlgorithms() {
        return peerSignatureAlgorithms.clone();
    }

    /** A server's: the client's server_name; a client's: the name it sent. */
    @Override
    public List<SNIServerName> getRequestedServerNames() {
        return requestedServerNames;
    }

    /** No OCSP stapling: no status responses. */
    @Override
    public List<byte[]> getStatusResponses() {
        return List.of();
    }

    @Override
    public String getCipherSuite() {
        return cipherSuite;
    }

    @Override
    public String getProtocol() {
        return protocol;
    }

    @Override
    public String getPeerHost() {
        return peerHost;
    }

    @Override
    public int getPeerPort() {
        return peerPort;
    }

    @Override
    public int getPacketBufferSize() {
        return PACKET_BUFFER_SIZE;
    }

    @Override
    public int getApplicationBufferSize() {
        return APPLICATION_BUFFER_SIZE;
    }
}
