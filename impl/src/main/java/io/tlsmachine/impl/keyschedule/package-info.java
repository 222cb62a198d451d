/**
 * Key schedules and transcripts: the TLS 1.3 key schedule as typed stages, the TLS 1.2 PRF and
 * master secrets, and the running transcript hash both versions feed.
 *
 * <p>The TLS 1.3 key schedule of RFC 8446 §7.1, stage by stage ({@link
 * io.tlsmachine.impl.keyschedule.EarlySecret} → {@link
 * io.tlsmachine.impl.keyschedule.HandshakeSecret} → {@link
 * io.tlsmachine.impl.keyschedule.MasterSecret}); each arrow to the next stage destroys the stage
 * it leaves:
 *
 * <pre>
 *             0
 *             |
 *             v
 *   PSK -&gt;  HKDF-Extract = Early Secret                      (EarlySecret)
 *             |
 *             +-----&gt; Derive-Secret(., "ext binder" | "res binder", "")
 *             |                     = binder_key              (BinderKey)
 *             |
 *             +-----&gt; Derive-Secret(., "c e traffic", ClientHello)
 *             |                     = client_early_traffic_secret
 *             |
 *             +-----&gt; Derive-Secret(., "e exp master", ClientHello)
 *             |                     = early_exporter_master_secret
 *             v
 *       Derive-Secret(., "derived", "")
 *             |
 *             v
 *   (EC)DHE -&gt; HKDF-Extract = Handshake Secret                (HandshakeSecret)
 *             |
 *             +-----&gt; Derive-Secret(., "c hs traffic", ClientHello...ServerHello)
 *             |                     = client_handshake_traffic_secret
 *             |
 *             +-----&gt; Derive-Secret(., "s hs traffic", ClientHello...ServerHello)
 *             |                     = server_handshake_traffic_secret
 *             v
 *       Derive-Secret(., "derived", "")
 *             |
 *             v
 *   0 -&gt; HKDF-Extract = Master Secret                          (MasterSecret)
 *             |
 *             +-----&gt; Derive-Secret(., "c ap traffic", ClientHello...server Finished)
 *             |                     = client_application_traffic_secret_0
 *             |
 *             +-----&gt; Derive-Secret(., "s ap traffic", ClientHello...server Finished)
 *             |                     = server_application_traffic_secret_0
 *             |
 *             +-----&gt; Derive-Secret(., "exp master", ClientHello...server Finished)
 *             |                     = exporter_master_secret   (ExporterMasterSecret)
 *             |
 *             +-----&gt; Derive-Secret(., "res master", ClientHello...client Finished)
 *                                   = resumption_master_secret (ResumptionMasterSecret)
 * </pre>
 *
 * <p>Every traffic secret is a {@link io.tlsmachine.impl.keyschedule.TrafficSecret}: it gives the
 * record keys and IV (§7.3), the Finished key (§4.4.4) and its next generation (§7.2).
 *
 * <p>Nothing in this package draws randomness.
 */
package io.tlsmachine.impl.keyschedule;
