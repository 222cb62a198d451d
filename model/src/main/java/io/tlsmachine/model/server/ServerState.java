package io.tlsmachine.model.server;

import io.tlsmachine.model.Epoch;
import io.tlsmachine.model.ModelState;
import io.tlsmachine.model.VersionRegion;

/**
 * Lists the server machine's states: RFC 8446 Appendix A.2 names for TLS 1.3 (WAIT_FLIGHT2's ε-edges are
 * folded into WAIT_FLIGHT2 itself, see specs/machines/README.md), {@code TLS12_} names for
 * TLS 1.2, {@code POST_HANDSHAKE_} states for TLS 1.3 post-handshake client authentication, and the terminal states.
 */
public enum ServerState implements ModelState {
    /** Waits for the first ClientHello. */
    START(VersionRegion.COMMON, Epoch.PLAINTEXT),
    /** ClientHello received; waits for the local decision: SELECT_PARAMETERS or SELECT_HELLO_RETRY. */
    RECVD_CH(VersionRegion.COMMON, Epoch.LOCAL),
    /** HelloRetryRequest sent; waits for the second ClientHello. */
    WAIT_CH_RETRY(VersionRegion.TLS13, Epoch.PLAINTEXT),
    /** Second ClientHello received; only a TLS 1.3 selection (no second HelloRetryRequest). */
    RECVD_CH_RETRY(VersionRegion.TLS13, Epoch.LOCAL),
    /** TLS 1.3 parameters selected; waits for SEND_SERVER_FLIGHT. */
    NEGOTIATED(VersionRegion.TLS13, Epoch.LOCAL),
    /** 0-RTT accepted: reads early data until EndOfEarlyData. */
    WAIT_EOED(VersionRegion.TLS13, Epoch.EARLY),
    /**
     * Server flight sent (and EndOfEarlyData received after 0-RTT): waits for the client's second flight, the client
     * Certificate (possibly empty) when client authentication was requested, else its Finished.
     */
    WAIT_FLIGHT2(VersionRegion.TLS13, Epoch.HANDSHAKE),
    WAIT_CV(VersionRegion.TLS13, Epoch.HANDSHAKE),
    WAIT_FINISHED(VersionRegion.TLS13, Epoch.HANDSHAKE),
    CONNECTED(VersionRegion.TLS13, Epoch.APPLICATION),
    /** Post-handshake CertificateRequest sent (RFC 8446 §4.6.2); waits for the client Certificate. */
    POST_HANDSHAKE_WAIT_CERT(VersionRegion.TLS13, Epoch.APPLICATION),
    POST_HANDSHAKE_WAIT_CV(VersionRegion.TLS13, Epoch.APPLICATION),
    POST_HANDSHAKE_WAIT_FINISHED(VersionRegion.TLS13, Epoch.APPLICATION),
    /** TLS 1.2 full handshake with CertificateRequest: waits for the client Certificate (possibly empty). */
    TLS12_WAIT_CLIENT_CERT(VersionRegion.TLS12, Epoch.PLAINTEXT),
    /** TLS 1.2: waits for ClientKeyExchange (no client certificate, or an empty one). */
    TLS12_WAIT_CKE(VersionRegion.TLS12, Epoch.PLAINTEXT),
    /** TLS 1.2: waits for ClientKeyExchange after a non-empty client Certificate (RFC 5246 §7.4.8: CertificateVerify is owed). */
    TLS12_WAIT_CKE_AFTER_CERT(VersionRegion.TLS12, Epoch.PLAINTEXT),
    /** TLS 1.2: waits for the client's CertificateVerify. */
    TLS12_WAIT_CERT_VERIFY(VersionRegion.TLS12, Epoch.PLAINTEXT),
    /** TLS 1.2: waits for the client's ChangeCipherSpec. */
    TLS12_WAIT_CCS(VersionRegion.TLS12, Epoch.PLAINTEXT),
    /** TLS 1.2: waits for the client's Finished under the new keys. */
    TLS12_WAIT_FINISHED(VersionRegion.TLS12, Epoch.APPLICATION),
    TLS12_CONNECTED(VersionRegion.TLS12, Epoch.APPLICATION),
    /** Orderly close (close_notify). */
    CLOSED(VersionRegion.COMMON, Epoch.LOCAL),
    /** Fatal alert sent or received. */
    FAILED(VersionRegion.COMMON, Epoch.LOCAL);

    private final VersionRegion region;
    private final Epoch readEpoch;

    ServerState(VersionRegion region, Epoch readEpoch) {
        this.region = region;
        this.readEpoch = readEpoch;
    }

    @Override
    public VersionRegion region() {
        return region;
    }

    @Override
    public Epoch readEpoch() {
        return readEpoch;
    }

    @Override
    public boolean terminal() {
        return this == CLOSED || this == FAILED;
    }

    @Override
    public boolean connected() {
        return this == CONNECTED || this == TLS12_CONNECTED || name().startsWith("POST_HANDSHAKE_");
    }
}
