package io.tlsmachine.impl.keyschedule;

import io.tlsmachine.impl.crypto.Secret;

/**
 * Holds one connection's TLS 1.3 key schedule (RFC 8446 §7.1): the stage it has reached (early, handshake or master
 * secret, each destroyed as the next is derived), the traffic secrets of both directions, and the resumption and
 * exporter master secrets; {@link #destroy} wipes what protects the connection once it has ended.
 */
public final class Tls13Schedule {

    /** The current stage: an {@link EarlySecret}, a {@link HandshakeSecret}, a {@link MasterSecret}, or null. */
    private Tls13ScheduleSecret stage;
    private TrafficSecret clientHandshake;
    private TrafficSecret serverHandshake;
    private TrafficSecret clientApplication;
    private TrafficSecret serverApplication;
    private ResumptionMasterSecret resumption;
    private ExporterMasterSecret exporter;

    /** Enters the early stage with the secret a PSK derives, destroying an early secret derived before (a retry). */
    public void startWithPsk(EarlySecret early) {
        abandonPsk();
        stage = early;
    }

    /** Destroys the PSK's early secret: the PSK will not be used (declined, or its hash does not fit the suite). */
    public void abandonPsk() {
        if (stage instanceof EarlySecret early) {
            early.destroy();
            stage = null;
        }
    }

    /** Returns the early secret of the offered or accepted PSK, or null when there is none. */
    public EarlySecret earlySecret() {
        return stage instanceof EarlySecret early ? early : null;
    }

    /**
     * RFC 8446 §7.1: enters the handshake stage from the PSK's early secret (or the one without a PSK) and the
     * (EC)DHE {@code sharedSecret} (null for psk_ke), and derives both handshake traffic secrets over
     * {@code helloHash}, the transcript hash through ServerHello.
     */
    public void enterHandshakeStage(Tls13Hkdf hkdf, Secret sharedSecret, byte[] helloHash) {
        EarlySecret early = stage instanceof EarlySecret psk ? psk : EarlySecret.withoutPsk(hkdf);
        HandshakeSecret handshake = sharedSecret == null ? early.toHandshakeSecretWithoutKeyExchange()
                : early.toHandshakeSecret(sharedSecret);
        stage = handshake;
        clientHandshake = handshake.clientHandshakeTrafficSecret(helloHash);
        serverHandshake = handshake.serverHandshakeTrafficSecret(helloHash);
    }

    /**
     * RFC 8446 §7.1: enters the master stage (destroying the handshake secret) and derives the application traffic
     * secrets and the exporter master secret over {@code hash}, the transcript hash through the server Finished.
     */
    public void enterMasterStage(byte[] hash) {
        MasterSecret master = ((HandshakeSecret) stage).toMasterSecret();
        stage = master;
        clientApplication = master.clientApplicationTrafficSecret(hash);
        serverApplication = master.serverApplicationTrafficSecret(hash);
        exporter = master.exporterMasterSecret(hash);
    }

    /**
     * RFC 8446 §7.1: leaves the master stage, keeping the resumption master secret over {@code hash} (the transcript
     * hash through the client Finished) only when {@code keepResumption}; the master secret is destroyed either way.
     */
    public void finishMasterStage(byte[] hash, boolean keepResumption) {
        MasterSecret master = (MasterSecret) stage;
        if (keepResumption) {
            resumption = master.resumptionMasterSecret(hash);
        }
        master.destroy();
        stage = null;
    }

    public TrafficSecret clientHandshakeSecret() {
        return clientHandshake;
    }

    public TrafficSecret serverHandshakeSecret() {
        return serverHandshake;
    }

    public TrafficSecret clientApplicationSecret() {
        return clientApplication;
    }

    public TrafficSecret serverApplicationSecret() {
        return serverApplication;
    }

    public ResumptionMasterSecret resumptionSecret() {
        return resumption;
    }

    public ExporterMasterSecret exporterSecret() {
        return exporter;
    }

    /** RFC 8446 §7.2: moves the client's application traffic secret to its next generation and returns it. */
    public TrafficSecret updateClientApplicationSecret() {
        clientApplication = clientApplication.nextGeneration();
        return clientApplication;
    }

    /** RFC 8446 §7.2: moves the server's application traffic secret to its next generation and returns it. */
    public TrafficSecret updateServerApplicationSecret() {
        serverApplication = serverApplication.nextGeneration();
        return serverApplication;
    }

    /** Wipes both handshake traffic secrets once neither Finished needs them (the record keys were derived). */
    public void wipeHandshakeTrafficSecrets() {
        wipe(clientHandshake);
        wipe(serverHandshake);
    }

    /** Drops the handshake stage's secrets once the handshake is done (wiping them first). Idempotent. */
    public void releaseHandshakeStage() {
        wipeHandshakeTrafficSecrets();
        clientHandshake = null;
        serverHandshake = null;
        if (stage instanceof HandshakeSecret handshake) {
            handshake.destroy();
            stage = null;
        }
    }

    /**
     * Wipes what protects the connection's records and exports once it has ended: the traffic, handshake and exporter
     * secrets. The resumption master secret stays for the tickets it may still derive.
     */
    public void destroy() {
        releaseHandshakeStage();
        wipe(clientApplication);
        wipe(serverApplication);
        wipe(exporter);
        clientApplication = null;
        serverApplication = null;
        exporter = null;
    }

    private static void wipe(Secret secret) {
        if (secret != null) {
            secret.destroy();
        }
    }
}
