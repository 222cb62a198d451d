package io.tlsmachine.impl.handshake;

import io.tlsmachine.CertificateChain;
import io.tlsmachine.impl.certificate.SignatureSchemes;
import io.tlsmachine.impl.codec.Opaque;
import io.tlsmachine.impl.codec.message.CertificateEntry;
import io.tlsmachine.impl.codec.message.CertificateVerify;
import io.tlsmachine.impl.codec.message.Tls13Certificate;
import io.tlsmachine.impl.crypto.Secret;
import io.tlsmachine.SignatureAlgorithm;
import io.tlsmachine.Reason;
import io.tlsmachine.TlsException;
import io.tlsmachine.KeyLogLabel;
import io.tlsmachine.impl.keyschedule.EarlySecret;
import io.tlsmachine.impl.keyschedule.MasterSecret;
import io.tlsmachine.impl.keyschedule.Tls13Hkdf;
import io.tlsmachine.impl.keyschedule.TrafficSecret;
import io.tlsmachine.model.Epoch;
import io.tlsmachine.impl.record.Tls13AeadProtection;
import io.tlsmachine.impl.codec.types.VersionCode;
import java.security.PublicKey;
import java.util.List;

/**
 * Runs the TLS 1.3 key schedule steps both roles share (RFC 8446 §7.1) and the CertificateVerify check (§4.4.3).
 *
 * <pre>
 *   0 -> HKDF-Extract = Early Secret -> Derive-Secret(., "derived", "")
 *   (EC)DHE -> HKDF-Extract = Handshake Secret -> {c,s} hs traffic (ClientHello..ServerHello)
 *   0 -> HKDF-Extract = Master Secret -> {c,s} ap traffic (ClientHello..server Finished)
 * </pre>
 */
final class Tls13Keys {

    private Tls13Keys() {
    }

    /** RFC 8446 §7.1: handshake traffic secrets over the transcript through ServerHello; no shared secret for psk_ke. */
    static void deriveHandshakeSecrets(HandshakeContext ctx, Secret sharedSecret) {
        ctx.schedule().enterHandshakeStage(Tls13Hkdf.shared(ctx.crypto(), ctx.negotiation().suite().hash()), sharedSecret,
                ctx.transcript().currentHash());
        log(ctx, KeyLogLabel.CLIENT_HANDSHAKE_TRAFFIC_SECRET, ctx.schedule().clientHandshakeSecret());
        log(ctx, KeyLogLabel.SERVER_HANDSHAKE_TRAFFIC_SECRET, ctx.schedule().serverHandshakeSecret());
    }

    /**
     * RFC 8446 §7.1: application traffic and exporter secrets over the transcript through the server Finished; the
     * master secret stays until {@link #deriveResumptionSecret} (after the client Finished).
     */
    static void deriveApplicationSecrets(HandshakeContext ctx) {
        ctx.schedule().enterMasterStage(ctx.transcript().currentHash());
        log(ctx, KeyLogLabel.CLIENT_TRAFFIC_SECRET_0, ctx.schedule().clientApplicationSecret());
        log(ctx, KeyLogLabel.SERVER_TRAFFIC_SECRET_0, ctx.schedule().serverApplicationSecret());
        // RFC 8446 §7.5 exporter_master_secret, logged as EXPORTER_SECRET so a capture's exporters can be checked.
        ctx.logSecret(KeyLogLabel.EXPORTER_SECRET, ctx.schedule().exporterSecret().secret());
    }

    /**
     * RFC 8446 §7.1: resumption_master_secret over the transcript through the client Finished, kept only when tickets
     * are issued (server) or stored (client); the master secret is destroyed either way.
     */
    static void deriveResumptionSecret(HandshakeContext ctx, boolean keep) {
        ctx.schedule().finishMasterStage(ctx.transcript().currentHash(), keep);
    }

    private static void log(HandshakeContext ctx, KeyLogLabel label, TrafficSecret secret) {
        ctx.logSecret(label, secret.secret());
    }

    /** RFC 8446 §7.3: the record protection keyed from {@code secret}. */
    static Tls13AeadProtection protection(HandshakeContext ctx, TrafficSecret secret, boolean handshake) {
        if (handshake) {
            return Tls13AeadProtection.create(Epoch.HANDSHAKE, ctx.crypto(), secret.trafficKeys(ctx.negotiation().suite().aead()));
        }
        // The application secrets stay for KeyUpdate (§7.2): a direction no record flows in is never keyed.
        return Tls13AeadProtection.deferred(Epoch.APPLICATION, ctx.negotiation().suite().aead(), secret);
    }

    /** RFC 8446 §4.4.2: a Certificate message of {@code chain}, leaf first, no per-entry extensions. */
    static Tls13Certificate certificateMessage(Opaque context, CertificateChain chain) {
        List<CertificateEntry> entries = chain.encodings().stream().map(der -> new CertificateEntry(Opaque.of(der), List.of())).toList();
        return new Tls13Certificate(context, entries);
    }

    /**
     * RFC 8446 §4.4.3: the scheme must be one we offered, usable with the peer's key in TLS 1.3, and the signature
     * must verify over {@code content}; a bad signature is decrypt_error.
     */
    static SignatureAlgorithm verifyCertificateVerify(HandshakeContext ctx, CertificateVerify verify, PublicKey key, byte[] content) {
        SignatureAlgorithm scheme = SignatureSchemes.checkPeerChoice(verify.algorithm(), ctx.config().signatureSchemes(), key,
                VersionCode.TLS13);
        if (!ctx.crypto().verify(scheme, key, content, verify.signature().toByteArray())) {
            throw TlsException.fatal(Reason.BAD_SIGNATURE, "CertificateVerify signature (" + scheme + ") does not verify");
        }
        return scheme;
    }
}
