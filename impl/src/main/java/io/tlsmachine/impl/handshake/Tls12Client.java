package io.tlsmachine.impl.handshake;

import io.tlsmachine.CertificateChain;
import io.tlsmachine.CertifiedKey;
import io.tlsmachine.impl.certificate.SignatureSchemes;
import io.tlsmachine.impl.codec.Opaque;
import io.tlsmachine.impl.codec.extension.ExtendedMasterSecret;
import io.tlsmachine.impl.codec.message.CertificateVerify;
import io.tlsmachine.LeafKeyUse;
import io.tlsmachine.impl.codec.message.DheClientKeyExchange;
import io.tlsmachine.impl.codec.message.DheServerKeyExchange;
import io.tlsmachine.impl.codec.message.EcdheClientKeyExchange;
import io.tlsmachine.impl.codec.message.KeyExchangeKind;
import io.tlsmachine.impl.codec.message.ServerKeyExchange;
import io.tlsmachine.impl.codec.message.EcdheServerKeyExchange;
import io.tlsmachine.impl.codec.message.Finished;
import io.tlsmachine.model.analysis.Role;
import io.tlsmachine.impl.codec.message.ServerHello;
import io.tlsmachine.impl.codec.message.ServerHelloDone;
import io.tlsmachine.impl.codec.message.Tls12Certificate;
import io.tlsmachine.impl.codec.message.Tls12CertificateRequest;
import io.tlsmachine.impl.codec.message.Tls12NewSessionTicket;
import io.tlsmachine.impl.session.StoredTicket;
import io.tlsmachine.impl.keyschedule.Tls12MasterSecret;
import io.tlsmachine.impl.keyschedule.Tls12Prf;
import io.tlsmachine.impl.codec.types.SignatureScheme;
import io.tlsmachine.impl.crypto.CustomDhKeyExchange;
import io.tlsmachine.impl.crypto.KeyExchange;
import io.tlsmachine.KeyExchangeGroup;
import io.tlsmachine.impl.crypto.Secret;
import io.tlsmachine.SignatureAlgorithm;
import io.tlsmachine.Reason;
import io.tlsmachine.TlsException;
import io.tlsmachine.model.Message;
import io.tlsmachine.model.Fact;
import io.tlsmachine.model.Negotiated;
import io.tlsmachine.model.ProtocolVersion;
import io.tlsmachine.impl.codec.types.VersionCode;
import java.util.List;
import java.util.Optional;

/**
 * Runs the TLS 1.2 client steps of RFC 5246 §7.3 Figure 1 with ECDHE (RFC 8422), DHE (RFC 7919) or RSA key transport
 * (RFC 5246 §7.4.7.1), one method per received message.
 */
final class Tls12Client implements Tls12ClientSteps {

    private final HandshakeContext ctx;
    private final ClientHandshake client;
    private ServerKeyExchange serverKeyExchange;
    /** The DHE group of the ServerKeyExchange, named or custom. */
    private FfdheNegotiation.ServerGroup dheGroup;
    private Opaque serverSessionId = Opaque.EMPTY;
    private boolean ticketReceived;
    private Tls12CertificateRequest certificateRequest;

    Tls12Client(HandshakeContext ctx, ClientHandshake client) {
        this.ctx = ctx;
        this.client = client;
    }

    /**
     * RFC 5246 §7.4.1.3: checks version, suite, compression; RFC 7627 §5.2 extended master secret (without it a full
     * handshake whose session we do not keep, unless the configuration requires it); RFC 5746 §3.4 renegotiation_info
     * (see {@link Tls12Renegotiation}); RFC 7301 ALPN. From here on records carry 0x0303. RFC 8446
     * §4.2.10: a TLS 1.2 server rejects early data; our next records are in the clear.
     */
    @Override
    public Negotiated processServerHello(Negotiated facts, ServerHello hello, byte[] encoded) {
        if (ctx.earlyDataPending()) {
            client.rejectEarlyData(io.tlsmachine.impl.record.PlaintextProtection.INSTANCE);
        }
        if (!hello.legacyVersion().equals(VersionCode.TLS12) || !ctx.config().supports(ProtocolVersion.TLS12)) {
            throw TlsException.fatal(Reason.PROTOCOL_VERSION_UNSUPPORTED, "the server selected " + hello.legacyVersion());
        }
        if (!ctx.config().cipherSuites().contains(hello.cipherSuite())
                || !SuiteParameters.implementedFor(hello.cipherSuite(), ProtocolVersion.TLS12)) {
            throw TlsException.fatal(Reason.UNOFFERED_PARAMETER_SELECTED, "the server selected " + hello.cipherSuite()
                    + ", which we did not offer for TLS 1.2");
        }
        if (hello.legacyCompressionMethod() != 0) {
            throw TlsException.fatal(Reason.ILLEGAL_PARAMETER, "ServerHello compression method is not null");
        }
        boolean ems = hello.extension(ExtendedMasterSecret.class).isPresent();
        if (!ems && ctx.config().extendedMasterSecretRequired()) {
            throw TlsException.fatal(Reason.EXTENDED_MASTER_SECRET_REQUIRED, "the server did not negotiate extended master secret");
        }
        Tls12Renegotiation.clientChecks(hello, ctx.config().secureRenegotiationRequired());
        ctx.negotiation().chooseApplicationProtocol(Hellos.checkSelectedProtocol(hello, ctx.config().applicationProtocols()).orElse(null));
        RecordSizeLimits.accept(ctx, hello);
        ctx.negotiation().nameServer(ctx.config().serverName().orElse(null));
        ctx.negotiation().agreeVersion(ProtocolVersion.TLS12);
        ctx.negotiation().chooseSuite(SuiteParameters.of(hello.cipherSuite()).orElseThrow());
        ctx.negotiation().recordServerRandom(hello.random().toByteArray());
        ctx.transcript().selectHash(ctx.negotiation().suite().hash());
        ctx.transcript().add(encoded);
        if (facts.tls12Handshake().abbreviated()) {
            resumeSession(ems);
        } else {
            serverSessionId = hello.legacySessionIdEcho();
        }
        return facts.with(Fact.EXTENDED_MASTER_SECRET, ems).with(Fact.EARLY_DATA_OFFERED, false);
    }

    /**
     * RFC 5077 §3.1, RFC 5246 §7.3 Figure 2: the server resumed our ticket's session; same suite (RFC 5246 §7.4.1.3,
     * illegal_parameter), the stored master secret, keys from the new randoms. RFC 7627 §5.3: we keep only sessions
     * that used the extended master secret, so "If the original session used the extension but the new ServerHello
     * does not contain the extension, the client MUST abort the handshake" (handshake_failure, as OpenSSL sends) is
     * the rule that applies.
     */
    private void resumeSession(boolean ems) {
        StoredTicket ticket = ctx.offeredTicket();
        if (!ticket.suite().equals(ctx.negotiation().suite().suite())) {
            throw TlsException.fatal(Reason.ILLEGAL_PARAMETER, "the resumed session's cipher suite changed");
        }
        if (!ems) {
            throw TlsException.fatal(Reason.EXTENDED_MASTER_SECRET_INCONSISTENT,
                    "the server resumed a session that used the extended master secret without the extension");
        }
        ctx.tls12().establish(Tls12MasterSecret.resumed(new Tls12Prf(ctx.crypto(), ctx.negotiation().suite().hash()),
                Secret.copyOf(ticket.psk().bytes())));
        Tls12Keys.logMasterSecret(ctx);
        Tls12Keys.installKeyBlock(ctx);
    }

    /**
     * RFC 5077 §3.3: keeps the new ticket with the session's master secret; the message is part of the transcript.
     * RFC 7627 §5.3, §5.4: a session without the extended master secret is not kept (never resumed).
     */
    @Override
    public Negotiated processNewSessionTicket(Negotiated facts, Tls12NewSessionTicket ticket, byte[] encoded) {
        ctx.transcript().add(encoded);
        if (ctx.tickets().isPresent() && ctx.negotiation().serverName() != null && !ticket.ticket().isEmpty()
                && facts.extendedMasterSecret()) {
            long lifetime = ticket.ticketLifetimeHint() == 0 ? SessionTickets.LIFETIME_SECONDS : ticket.ticketLifetimeHint();
            ctx.tickets().get().put(new StoredTicket(ctx.negotiation().serverName(), ctx.negotiation().suite().suite(), ticket.ticket(),
                    Secret.copyOf(ctx.tls12().masterSecret().secret().bytes()), 0, lifetime, ctx.config().clock().millis(),
                    Opaque.EMPTY));
            ticketReceived = true;
        }
        return facts;
    }

    /** RFC 5246 §7.4.2: validates the server's chain for the configured server name. */
    @Override
    public Negotiated processServerCertificate(Negotiated facts, Tls12Certificate certificate, byte[] encoded) {
        CertificateChain chain = CertificateChain.fromDer(certificate.certificates().stream().map(Opaque::toByteArray).toList());
        // RFC 8422 §5.3, RFC 5246 §7.4.2: ECDHE_ECDSA needs an ECDSA-capable key (ECDSA or EdDSA, RFC 8422 §5.1),
        // ECDHE_RSA an RSA key.
        boolean ecKey = "EC".equals(chain.leaf().getPublicKey().getAlgorithm())
                || chain.leaf().getPublicKey() instanceof java.security.interfaces.EdECKey;
        if (ecKey != ctx.negotiation().suite().ecdsaAuthentication()) {
            throw TlsException.fatal(Reason.UNSUPPORTED_CERTIFICATE, "the server's " + chain.leaf().getPublicKey().getAlgorithm()
                    + " key does not suit " + ctx.negotiation().suite().suite());
        }
        // RFC 4492 §5.3 (RFC 8422 §5.3): the server's ECDSA key "MUST respect the client's choice of elliptic curves";
        // a curve we did not offer is a parameter out of what we allowed, illegal_parameter as for ServerKeyExchange.
        if (!CertificateCurves.acceptable(chain.leaf().getPublicKey(), Optional.of(Hellos.namedGroups(ctx.config().groups())))) {
            throw TlsException.fatal(Reason.ILLEGAL_PARAMETER, "the server's ECDSA certificate is on a curve we did not offer");
        }
        // RFC 5246 §7.4.2: under RSA key transport the certificate's key encrypts the premaster secret (keyEncipherment).
        LeafKeyUse use = ctx.negotiation().suite().keyExchange() == KeyExchangeKind.RSA ? LeafKeyUse.KEY_ENCIPHERMENT : LeafKeyUse.DIGITAL_SIGNATURE;
        ctx.negotiation().peerVerified(ctx.config().effectiveCertificateVerifier().verifyServer(chain, ctx.config().serverName().orElse(""), use));
        ctx.transcript().add(encoded);
        return facts;
    }

    /**
     * RFC 5246 §7.4.3, RFC 8422 §5.4: the parameters, signed over client_random + server_random + params with a scheme
     * we offered that suits the certificate (ECDSA or RSA, as the suite says); ECDHE on a named curve we offered, DHE
     * (RFC 7919 §3) in an RFC 7919 group we offered or a custom group our policy accepts, checked after the signature,
     * with 1 &lt; Ys &lt; p-1.
     */
    @Override
    public Negotiated processServerKeyExchange(Negotiated facts, ServerKeyExchange ske, byte[] encoded) {
        KeyExchangeGroup group = null;
        if (ske instanceof EcdheServerKeyExchange ecdhe) {
            group = KeyExchangeGroup.fromCode(ecdhe.namedCurve().code());
            // draft-ietf-tls-ecdhe-mlkem §1: the KEM groups are TLS 1.3 only, so never a TLS 1.2 curve.
            if (group == null || group.isKem() || !ctx.config().groups().contains(group)) {
                throw TlsException.fatal(Reason.ILLEGAL_PARAMETER, "ServerKeyExchange curve " + ecdhe.namedCurve().name()
                        + " was not offered");
            }
        }
        SignatureAlgorithm scheme = SignatureSchemes.checkPeerChoice(ske.algorithm(), ctx.config().signatureSchemes(),
                ctx.negotiation().peerChain().leafPublicKey(), VersionCode.TLS12);
        byte[] signed = Tls12Keys.serverKeyExchangeContent(ctx, ske);
        if (!ctx.crypto().verify(scheme, ctx.negotiation().peerChain().leafPublicKey(), signed, ske.signature().toByteArray())) {
            throw TlsException.fatal(Reason.BAD_SIGNATURE, "ServerKeyExchange signature (" + scheme + ") does not verify");
        }
        if (ske instanceof DheServerKeyExchange dhe) {
            dheGroup = FfdheNegotiation.clientCheck(ctx.config(), dhe);
            FfdheNegotiation.checkPublicValue(dheGroup.p(), dhe.ys());
            group = dheGroup.named();
        }
        ctx.negotiation().chooseGroup(group);
        ctx.negotiation().chooseSignature(scheme);
        serverKeyExchange = ske;
        ctx.transcript().add(encoded);
        return facts;
    }

    /** RFC 5246 §7.4.4: keeps the request; the client answers after ServerHelloDone. */
    @Override
    public Negotiated processCertificateRequest(Negotiated facts, Tls12CertificateRequest received, byte[] encoded) {
        certificateRequest = received;
        ctx.transcript().add(encoded);
        return facts.with(Fact.CLIENT_AUTH_REQUESTED, true);
    }

    /**
     * RFC 5246 §7.4.5-§7.4.9: sends [Certificate] ClientKeyExchange [CertificateVerify], then (the engine writes
     * the declared ChangeCipherSpec) Finished under the new keys. With EMS (RFC 7627 §4) the session hash covers
     * the transcript through ClientKeyExchange.
     */
    @Override
    public Negotiated processServerHelloDone(Negotiated facts, ServerHelloDone done, byte[] encoded) {
        ctx.transcript().add(encoded);
        CertifiedKey ours = ctx.config().certifiedKey().orElse(null);
        if (facts.clientAuthRequested()) {
            if (facts.clientCertificateAvailable()) {
                ctx.flight().handshake(Message.CERTIFICATE, new Tls12Certificate(
                        ours.chain().encodings().stream().map(Opaque::of).toList()), ctx.transcript());
            } else {
                ctx.flight().handshake(Message.CERTIFICATE_EMPTY, new Tls12Certificate(List.of()), ctx.transcript());
            }
        }
        Tls12Keys.deriveMasterSecret(ctx, sendClientKeyExchange(), facts.extendedMasterSecret());
        if (facts.clientAuthRequested() && facts.clientCertificateAvailable()) {
            List<SignatureScheme> offered = certificateRequest.supportedSignatureAlgorithms();
            SignatureAlgorithm scheme = SignatureSchemes.select(offered, ctx.config().signatureSchemes(), ours.privateKey(), VersionCode.TLS12);
            byte[] signature = ctx.crypto().sign(scheme, ours.privateKey(), ctx.transcript().messages(), ctx.config().random());
            ctx.flight().handshake(Message.CERTIFICATE_VERIFY,
                    new CertificateVerify(new SignatureScheme(scheme.code()), Opaque.of(signature)), ctx.transcript());
        }
        Tls12Keys.installKeyBlock(ctx);
        ctx.flight().writeKey(ctx.tls12().takeWriteKeys());
        byte[] verifyData = ctx.tls12().masterSecret().finishedVerifyData(Role.CLIENT, ctx.transcript().currentHash());
        ctx.flight().handshake(Message.FINISHED, new Finished(Opaque.of(verifyData)), ctx.transcript());
        return facts;
    }

    /**
     * RFC 5246 §7.4.7: sends ClientKeyExchange and returns the premaster secret: our ECDHE point (RFC 8422 §5.7), our
     * DHE value with Z stripped of leading zeros (§7.4.7.2, §8.1.2), or a fresh secret encrypted to the server's RSA
     * key (§7.4.7.1), which starts with the version our ClientHello carried.
     */
    private Secret sendClientKeyExchange() {
        if (ctx.negotiation().suite().keyExchange() == KeyExchangeKind.RSA) {
            RsaKeyTransport.Sent sent = RsaKeyTransport.clientSends(ctx, ctx.negotiation().peerChain().leafPublicKey(), VersionCode.TLS12.code());
            ctx.flight().handshake(Message.CLIENT_KEY_EXCHANGE, sent.message(), ctx.transcript());
            return sent.premaster();
        }
        if (serverKeyExchange instanceof DheServerKeyExchange dhe && dheGroup.named() == null) {
            CustomDhKeyExchange custom = CustomDhKeyExchange.generate(dheGroup.p(), dheGroup.g(), ctx.config().random());
            try {
                Secret premaster = FfdheNegotiation.premaster(custom.agree(FfdheNegotiation.checkPublicValue(dheGroup.p(), dhe.ys())));
                ctx.flight().handshake(Message.CLIENT_KEY_EXCHANGE, new DheClientKeyExchange(Opaque.of(custom.publicValue())),
                        ctx.transcript());
                return premaster;
            } finally {
                custom.destroy();
            }
        }
        KeyExchange exchange = ctx.crypto().generateKeyExchange(ctx.negotiation().group(), ctx.config().random());
        try {
            if (serverKeyExchange instanceof DheServerKeyExchange dhe) {
                Secret premaster = FfdheNegotiation.premaster(exchange.agree(FfdheNegotiation.checkPublicValue(ctx.negotiation().group(), dhe.ys())));
                ctx.flight().handshake(Message.CLIENT_KEY_EXCHANGE, new DheClientKeyExchange(Opaque.of(exchange.publicShare())),
                        ctx.transcript());
                return premaster;
            }
            Secret premaster = exchange.agree(((EcdheServerKeyExchange) serverKeyExchange).publicPoint().toByteArray());
            ctx.flight().handshake(Message.CLIENT_KEY_EXCHANGE, new EcdheClientKeyExchange(Opaque.of(exchange.publicShare())),
                    ctx.transcript());
            return premaster;
        } finally {
            Wipe.quietly(exchange);
        }
    }

    /** RFC 5246 §7.1: the server's records are read with the new keys from here on. */
    @Override
    public Negotiated processChangeCipherSpec(Negotiated facts) {
        ctx.records().switchReadKey(ctx.tls12().takeReadKeys());
        return facts;
    }

    /**
     * RFC 5246 §7.4.9: verifies the server's verify_data; in an abbreviated handshake (§7.3 Figure 2) the client's
     * Finished follows the declared ChangeCipherSpec, under the new keys.
     */
    @Override
    public Negotiated processServerFinished(Negotiated facts, Finished finished, byte[] encoded) {
        ctx.tls12().masterSecret().checkFinished(Role.SERVER, ctx.transcript().currentHash(), finished.verifyData().toByteArray());
        ctx.transcript().add(encoded);
        if (!facts.tls12Handshake().abbreviated() && !ticketReceived && !serverSessionId.isEmpty()
                && ctx.tickets().isPresent() && ctx.negotiation().serverName() != null && facts.extendedMasterSecret()) {
            // RFC 5246 §7.4.1.3: a session ID from the server lets us resume this session by ID.
            ctx.tickets().get().put(new StoredTicket(ctx.negotiation().serverName(), ctx.negotiation().suite().suite(), Opaque.EMPTY,
                    Secret.copyOf(ctx.tls12().masterSecret().secret().bytes()), 0, SessionTickets.LIFETIME_SECONDS,
                    ctx.config().clock().millis(), serverSessionId));
        }
        if (facts.tls12Handshake().abbreviated()) {
            ctx.flight().writeKey(ctx.tls12().takeWriteKeys());
            byte[] verifyData = ctx.tls12().masterSecret().finishedVerifyData(Role.CLIENT, ctx.transcript().currentHash());
            ctx.flight().handshake(Message.FINISHED, new Finished(Opaque.of(verifyData)), ctx.transcript());
        }
        return facts;
    }
}
