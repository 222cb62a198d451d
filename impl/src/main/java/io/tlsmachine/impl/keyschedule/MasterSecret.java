package io.tlsmachine.impl.keyschedule;

import io.tlsmachine.impl.crypto.Secret;

/**
 * The last stage of the TLS 1.3 key schedule (RFC 8446 §7.1): gives the application traffic
 * secrets, the exporter master secret and the resumption master secret. Destroy it once the
 * resumption master secret is derived (after the client Finished).
 */
public final class MasterSecret extends Tls13ScheduleSecret {
    MasterSecret(Tls13Hkdf hkdf, Secret secret) {
        super(hkdf, secret);
    }

    /**
     * RFC 8446 §7.1: client_application_traffic_secret_0 = Derive-Secret(., "c ap traffic",
     * ClientHello...server Finished).
     */
    public TrafficSecret clientApplicationTrafficSecret(byte[] transcriptHashThroughServerFinished) {
        return trafficSecret("c ap traffic", transcriptHashThroughServerFinished);
    }

    /**
     * RFC 8446 §7.1: server_application_traffic_secret_0 = Derive-Secret(., "s ap traffic",
     * ClientHello...server Finished).
     */
    public TrafficSecret serverApplicationTrafficSecret(byte[] transcriptHashThroughServerFinished) {
        return trafficSecret("s ap traffic", transcriptHashThroughServerFinished);
    }

    /** RFC 8446 §7.1: exporter_master_secret = Derive-Secret(., "exp master", ClientHello...server Finished). */
    public ExporterMasterSecret exporterMasterSecret(byte[] transcriptHashThroughServerFinished) {
        return new ExporterMasterSecret(hkdf, hkdf.deriveSecret(this, "exp master", transcriptHashThroughServerFinished));
    }

    /** RFC 8446 §7.1: resumption_master_secret = Derive-Secret(., "res master", ClientHello...client Finished). */
    public ResumptionMasterSecret resumptionMasterSecret(byte[] transcriptHashThroughClientFinished) {
        return new ResumptionMasterSecret(hkdf, hkdf.deriveSecret(this, "res master", transcriptHashThroughClientFinished));
    }
}
