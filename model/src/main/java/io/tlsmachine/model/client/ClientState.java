package io.tlsmachine.model.client;

import io.tlsmachine.model.Epoch;
import io.tlsmachine.model.ModelState;
import io.tlsmachine.model.VersionRegion;

/**
 * Lists the client machine's states: RFC 8446 Appendix A.1 names for TLS 1.3, {@code TLS12_} names for
 * TLS 1.2 (named for what they wait for; derived in specs/machines/README.md), and the terminal states.
 */
public enum ClientState implements ModelState {
    /** Nothing sent yet; waits for the application's CONNECT. */
    START(VersionRegion.COMMON, Epoch.LOCAL),
    /** ClientHello sent; waits for ServerHello (either version) or HelloRetryRequest. */
    WAIT_SH(VersionRegion.COMMON, Epoch.PLAINTEXT),
    /** Second ClientHello sent after HelloRetryRequest; waits for ServerHello; a second HelloRetryRequest is unexpected. */
    WAIT_SH_RETRY(VersionRegion.TLS13, Epoch.PLAINTEXT),
    WAIT_EE(VersionRegion.TLS13, Epoch.HANDSHAKE),
    /** Waits for CertificateRequest or the server Certificate. */
    WAIT_CERT_CR(VersionRegion.TLS13, Epoch.HANDSHAKE),
    WAIT_CERT(VersionRegion.TLS13, Epoch.HANDSHAKE),
    WAIT_CV(VersionRegion.TLS13, Epoch.HANDSHAKE),
    WAIT_FINISHED(VersionRegion.TLS13, Epoch.HANDSHAKE),
    CONNECTED(VersionRegion.TLS13, Epoch.APPLICATION),
    /** TLS 1.2 full handshake: waits for the server Certificate. */
    TLS12_WAIT_CERT(VersionRegion.TLS12, Epoch.PLAINTEXT),
    /** TLS 1.2 (EC)DHE: waits for ServerKeyExchange. */
    TLS12_WAIT_SKE(VersionRegion.TLS12, Epoch.PLAINTEXT),
    /** TLS 1.2: waits for CertificateRequest or ServerHelloDone. */
    TLS12_WAIT_CR_OR_SHD(VersionRegion.TLS12, Epoch.PLAINTEXT),
    /** TLS 1.2: CertificateRequest received; waits for ServerHelloDone. */
    TLS12_WAIT_SHD(VersionRegion.TLS12, Epoch.PLAINTEXT),
    /** TLS 1.2: waits for NewSessionTicket (RFC 5077 §3.3), in full and abbreviated handshakes. */
    TLS12_WAIT_NST(VersionRegion.TLS12, Epoch.PLAINTEXT),
    /** TLS 1.2: waits for the server's ChangeCipherSpec. */
    TLS12_WAIT_CCS(VersionRegion.TLS12, Epoch.PLAINTEXT),
    /** TLS 1.2: waits for the server's Finished under the new keys. */
    TLS12_WAIT_FINISHED(VersionRegion.TLS12, Epoch.APPLICATION),
    TLS12_CONNECTED(VersionRegion.TLS12, Epoch.APPLICATION),
    /** Orderly close (close_notify). */
    CLOSED(VersionRegion.COMMON, Epoch.LOCAL),
    /** Fatal alert sent or received. */
    FAILED(VersionRegion.COMMON, Epoch.LOCAL);

    private final VersionRegion region;
    private final Epoch readEpoch;

    ClientState(VersionRegion region, Epoch readEpoch) {
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
        return this == CONNECTED || this == TLS12_CONNECTED;
    }
}
