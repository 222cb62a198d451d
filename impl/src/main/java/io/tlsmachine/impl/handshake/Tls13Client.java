package io.tlsmachine.impl.handshake;

import io.tlsmachine.CertificateChain;
import io.tlsmachine.CertifiedKey;
import io.tlsmachine.impl.certificate.SignatureSchemes;
import io.tlsmachine.impl.codec.Opaque;
import io.tlsmachine.impl.codec.extension.Cookie;
import io.tlsmachine.impl.codec.extension.PreSharedKeySelected;
import io.tlsmachine.impl.codec.message.Tls13NewSessionTicket;
import io.tlsmachine.impl.session.StoredTicket;
import io.tlsmachine.model.Tls13KeyExchange;
import io.tlsmachine.impl.codec.extension.KeyShareRetry;
import io.tlsmachine.impl.codec.extension.KeyShareSelected;
import io.tlsmachine.impl.codec.extension.SignatureAlgorithms;
import io.tlsmachine.impl.codec.extension.SupportedVersionSelected;
import io.tlsmachine.impl.codec.message.CertificateVerify;
import io.tlsmachine.impl.codec.message.EncryptedExtensions;
import io.tlsmachine.impl.codec.message.Finished;
import io.tlsmachine.impl.codec.message.HelloRetryRequest;
import io.tlsmachine.impl.codec.message.ServerHello;
import io.tlsmachine.impl.codec.message.Tls13Certificate;
import io.tlsmachine.impl.codec.message.Tls13CertificateRequest;
import io.tlsmachine.impl.keyschedule.Transcript;
import io.tlsmachine.CipherSuite;
import io.tlsmachine.impl.codec.types.NamedGroup;
import io.tlsmachine.PskKeyExchangeMode;
import io.tlsmachine.impl.crypto.CertificateVerifyContent;
import io.tlsmachine.impl.crypto.KeyExchange;
import io.tlsmachine.KeyExchangeGroup;
import io.tlsmachine.impl.crypto.Secret;
import io.tlsmachine.SignatureAlgorithm;
import io.tlsmachine.Reason;
import io.tlsmachine.TlsException;
import io.tlsmachine.impl.negotiation.VersionNegotiation;
import io.tlsmachine.model.Message;
import io.tlsmachine.model.Fact;
import io.tlsmachine.model.Negotiated;
import io.tlsmachine.model.ProtocolVersion;
import io.tlsmachine.impl.codec.types.VersionCode;
import java.util.LinkedHashMap;
import java.util.List;

/** Runs the TLS 1.3 client steps of RFC 8446 §4, one method per received message. */
final class Tls13Client implements Tls13ClientSteps {

    private final HandshakeContext ctx;
    private final ClientHandshake client;
    private NamedGroup retryGroup;
    private CipherSuite retrySuite;
    private Tls13CertificateRequest certificateRequest;
    private final PostHandshakeRequestContexts postHandshakeContexts = new PostHandshakeRequestContexts();

    Tls13Client(HandshakeContext ctx, ClientHandshake client) {
        this.ctx = ctx;
        this.client = client;
    }

    /**
     * RFC 8446 §4.1.4: checks the HelloRetryRequest (TLS 1.3, a suite we offered, a group we support but sent no
     * share for, our session id echoed), replaces ClientHello1 in the transcript by message_hash (§4.4.1), and
     * sends ClientHello2 with a share for the requested group and any cookie.
     */
    @Override
    public Negotiated processHelloRetryRequest(Negotiated facts, HelloRetryRequest hrr, byte[] encoded) {
        requireTls13(hrr.extension(SupportedVersionSelected.class).map(SupportedVersionSelected::version).orElse(null));
        // RFC 8446 §4.1.4: "Upon receipt of a HelloRetryRequest, the client MUST check the legacy_version,
        // legacy_session_id_echo, cipher_suite, and legacy_compression_method as specified in Section 4.1.3";
        // Appendix D.5: legacy_version 0x0300 or less is protocol_version; §4.1.3: 0x0303 and compression 0.
        if (hrr.legacyVersion().code() <= VersionCode.SSL30.code()) {
            throw TlsException.fatal(Reason.PROTOCOL_VERSION_UNSUPPORTED, "HelloRetryRequest.legacy_version " + hrr.legacyVersion());
        }
        if (!hrr.legacyVersion().equals(VersionCode.TLS12) || hrr.legacyCompressionMethod() != 0) {
            throw TlsException.fatal(Reason.ILLEGAL_PARAMETER, "HelloRetryRequest legacy_version or compression method is wrong");
        }
        SuiteParameters suite = offeredTls13Suite(hrr.cipherSuite());
        if (!hrr.legacySessionIdEcho().equals(ctx.negotiation().sessionId())) {
            throw TlsException.fatal(Reason.ILLEGAL_PARAMETER, "HelloRetryRequest.legacy_session_id_echo differs from ours");
        }
        KeyShareRetry retry = hrr.extension(KeyShareRetry.class).orElse(null);
        Cookie cookie = hrr.extension(Cookie.class).orElse(null);
        if (retry == null && cookie == null) {
            throw TlsException.fatal(Reason.ILLEGAL_HELLO_RETRY, "HelloRetryRequest would not change the ClientHello");
        }
        if (retry != null) {
            KeyExchangeGroup group = KeyExchangeGroup.fromCode(retry.selectedGroup().code());
            if (group == null || !FfdheNegotiation.offered(ctx.config()).contains(group)) {
                throw TlsException.fatal(Reason.UNOFFERED_PARAMETER_SELECTED, "HelloRetryRequest selected group "
                        + retry.selectedGroup().name() + ", which we did not offer");
            }
            if (client.keyShares.containsKey(group)) {
                throw TlsException.fatal(Reason.ILLEGAL_HELLO_RETRY, "HelloRetryRequest asks for " + group
                        + ", for which we already sent a key share");
            }
            client.keyShares.values().forEach(Wipe::quietly);
            client.keyShares = new LinkedHashMap<>();
            client.keyShares.put(group, ctx.crypto().generateKeyExchange(group, ctx.config().random()));
            retryGroup = retry.selectedGroup();
        }
        retrySuite = hrr.cipherSuite();
        // RFC 8446 §4.1.4: a PSK whose hash differs from the selected suite's is left out of ClientHello2.
        if (ctx.offeredTicket() != null && SuiteParameters.of(ctx.offeredTicket().suite()).orElseThrow().hash() != suite.hash()) {
            ctx.dropOfferedTicket();
            ctx.schedule().abandonPsk();
        }
        // RFC 8446 §4.2.10: a HelloRetryRequest rejects early data; ClientHello2 offers none and goes in the clear.
        client.rejectEarlyData(io.tlsmachine.impl.record.PlaintextProtection.INSTANCE);
        ctx.negotiation().chooseSuite(suite);
        ctx.transcript().selectHash(suite.hash());
        ctx.transcript().replaceClientHelloWithMessageHash();
        ctx.transcript().add(encoded);
        client.clientHello = client.buildClientHello(cookie);
        ctx.flight().handshake(Message.CLIENT_HELLO, client.clientHello, ctx.transcript());
        return facts.with(Fact.HELLO_RETRY_REQUESTED, true);
    }

    /**
     * RFC 8446 §4.1.3: checks the ServerHello (version, suite, echoed session id, a share for a group we offered)
     * and derives the handshake traffic secrets (§7.1); the server's records are read with its handshake key
     * from here on, and ours are written with our handshake key (alerts included).
     */
    @Override
    public Negotiated processServerHello(Negotiated facts, ServerHello hello, byte[] encoded) {
        requireTls13(hello.extension(SupportedVersionSelected.class).map(SupportedVersionSelected::version).orElse(null));
        VersionNegotiation.checkServerHelloLegacyVersion(hello.legacyVersion());
        if (!hello.legacyVersion().equals(VersionCode.TLS12)) {
            throw TlsException.fatal(Reason.ILLEGAL_PARAMETER, "ServerHello.legacy_version is not 0x0303");
        }
        SuiteParameters suite = offeredTls13Suite(hello.cipherSuite());
        if (retrySuite != null && !retrySuite.equals(hello.cipherSuite())) {
            throw TlsException.fatal(Reason.ILLEGAL_PARAMETER, "ServerHello suite differs from the HelloRetryRequest's");
        }
        if (!hello.legacySessionIdEcho().equals(ctx.negotiation().sessionId()) || hello.legacyCompressionMethod() != 0) {
            throw TlsException.fatal(Reason.ILLEGAL_PARAMETER, "ServerHello session id echo or compression method is wrong");
        }
        java.util.Optional<KeyShareSelected> share = hello.extension(KeyShareSelected.class);
        KeyExchangeGroup group = share.map(s -> KeyExchangeGroup.fromCode(s.share().group().code())).orElse(null);
        KeyExchange ours = group == null ? null : client.keyShares.get(group);
        if (share.isPresent() && (ours == null || (retryGroup != null && !retryGroup.equals(share.get().share().group())))) {
            throw TlsException.fatal(Reason.ILLEGAL_PARAMETER, "ServerHello key_share group "
                    + share.get().share().group().name() + " is not one we sent a share for");
        }
        Negotiated negotiated = facts;
        java.util.Optional<PreSharedKeySelected> psk = hello.extension(PreSharedKeySelected.class);
        if (psk.isPresent()) {
            // RFC 8446 §4.2.11: the selected identity must be one we offered, for a PSK of the suite's hash.
            if (ctx.offeredTicket() == null || psk.get().selectedIdentity() != 0
                    || SuiteParameters.of(ctx.offeredTicket().suite()).orElseThrow().hash() != suite.hash()) {
                throw TlsException.fatal(Reason.ILLEGAL_PARAMETER, "the server selected a PSK we did not offer");
            }
            // RFC 8446 §4.2.9: without key_share the server chose psk_ke, which we must have offered.
            if (share.isEmpty() && !ctx.config().pskKeyExchangeModes().contains(PskKeyExchangeMode.PSK_KE)) {
                throw TlsException.fatal(Reason.MISSING_EXTENSION, "ServerHello without key_share, and we did not offer psk_ke");
            }
            negotiated = facts.with(Fact.TLS13_KEY_EXCHANGE, share.isPresent() ? Tls13KeyExchange.PSK_DHE : Tls13KeyExchange.PSK_ONLY);
        } else if (share.isEmpty()) {
            throw TlsException.fatal(Reason.MISSING_EXTENSION, "ServerHello without key_share or pre_shared_key");
        } else {
            ctx.schedule().abandonPsk();
        }
        ctx.negotiation().agreeVersion(ProtocolVersion.TLS13);
        ctx.negotiation().chooseSuite(suite);
        ctx.negotiation().chooseGroup(group);
        ctx.negotiation().recordServerRandom(hello.random().toByteArray());
        if (!ctx.transcript().hashSelected()) {
            ctx.transcript().selectHash(suite.hash());
        }
        ctx.transcript().add(encoded);
        Secret shared = ours == null ? null : ours.agree(share.get().share().keyExchange().toByteArray());
        try {
            Tls13Keys.deriveHandshakeSecrets(ctx, shared);
        } finally {
            if (shared != null) {
                shared.destroy();
            }
            client.keyShares.values().forEach(Wipe::quietly);
        }
        ctx.records().switchReadKey(Tls13Keys.protection(ctx, ctx.schedule().serverHandshakeSecret(), true));
        // RFC 8446 Appendix A.1: after sending early data we keep the early key until EncryptedExtensions tells.
        if (!client.offeringEarlyData) {
            ctx.flight().writeKey(Tls13Keys.protection(ctx, ctx.schedule().clientHandshakeSecret(), true));
        }
        return negotiated;
    }

    /**
     * RFC 8446 §4.3.1: checks the server's ALPN choice; the codec already refused extensions not allowed here.
     * §4.2.10: early_data here means the server accepted our early data (only possible with our first PSK, its
     * suite and ALPN protocol); without it, our early data was rejected and we switch to the handshake key.
     */
    @Override
    public Negotiated processEncryptedExtensions(Negotiated facts, EncryptedExtensions extensions, byte[] encoded) {
        ctx.negotiation().chooseApplicationProtocol(Hellos.checkSelectedProtocol(extensions, ctx.config().applicationProtocols()).orElse(null));
        // An early_data our latest ClientHello did not carry never gets here: the extension table refused it
        // (unsupported_extension, RFC 8446 §4.2), so client.offeringEarlyData holds.
        if (extensions.extension(io.tlsmachine.impl.codec.extension.EarlyData.class).isPresent()) {
            if (!facts.earlyDataAccepted() || !ctx.negotiation().suite().suite().equals(ctx.offeredTicket().suite())
                    || !java.util.Objects.equals(ctx.negotiation().applicationProtocol(), ctx.offeredTicket().applicationProtocol())) {
                throw TlsException.fatal(Reason.ILLEGAL_PARAMETER,
                        "early data accepted without the ticket's PSK, cipher suite or ALPN protocol");
            }
            ctx.earlyDataAccepted();
        } else if (client.offeringEarlyData) {
            client.rejectEarlyData(Tls13Keys.protection(ctx, ctx.schedule().clientHandshakeSecret(), true));
        }
        RecordSizeLimits.accept(ctx, extensions);
        ctx.negotiation().nameServer(ctx.config().serverName().orElse(null));
        ctx.transcript().add(encoded);
        return facts;
    }

    /** RFC 8446 §4.3.2: keeps the request; the client answers in its second flight. */
    @Override
    public Negotiated processCertificateRequest(Negotiated facts, Tls13CertificateRequest received, byte[] encoded) {
        certificateRequest = received;
        ctx.transcript().add(encoded);
        return facts.with(Fact.CLIENT_AUTH_REQUESTED, true);
    }

    /** RFC 8446 §4.4.2, §4.4.2.4: validates the server's chain for the configured server name. */
    @Override
    public Negotiated processServerCertificate(Negotiated facts, Tls13Certificate certificate, byte[] encoded) {
        if (!certificate.certificateRequestContext().isEmpty()) {
            throw TlsException.fatal(Reason.ILLEGAL_PARAMETER, "server Certificate with a certificate_request_context");
        }
        CertificateChain chain = CertificateChain.fromDer(
                certificate.entries().stream().map(e -> e.certData().toByteArray()).toList());
        ctx.negotiation().peerVerified(ctx.config().effectiveCertificateVerifier().verifyServer(chain, ctx.config().serverName().orElse("")));
        ctx.transcript().add(encoded);
        return facts;
    }

    /** RFC 8446 §4.4.3: verifies the server's signature over the transcript through Certificate. */
    @Override
    public Negotiated processServerCertificateVerify(Negotiated facts, CertificateVerify verify, byte[] encoded) {
        ctx.negotiation().chooseSignature(Tls13Keys.verifyCertificateVerify(ctx, verify, ctx.negotiation().peerChain().leafPublicKey(),
                CertificateVerifyContent.forServer(ctx.transcript().currentHash())));
        ctx.transcript().add(encoded);
        return facts;
    }

    /**
     * RFC 8446 §4.4.4: verifies the server Finished, derives the application traffic secrets over the transcript
     * through it, and sends [Certificate, CertificateVerify] and Finished under the client handshake key.
     */
    @Override
    public Negotiated processServerFinished(Negotiated facts, Finished finished, byte[] encoded) {
        ctx.schedule().serverHandshakeSecret().checkFinished(ctx.transcript().currentHash(), finished.verifyData().toByteArray());
        ctx.transcript().add(encoded);
        Tls13Keys.deriveApplicationSecrets(ctx);
        if (facts.earlyDataAccepted()) {
            // RFC 8446 §4.5: EndOfEarlyData under the early key ends our 0-RTT data; then the handshake key.
            ctx.flight().handshake(Message.END_OF_EARLY_DATA, new io.tlsmachine.impl.codec.message.EndOfEarlyData(), ctx.transcript());
            ctx.flight().writeKey(Tls13Keys.protection(ctx, ctx.schedule().clientHandshakeSecret(), true));
        }
        if (facts.clientAuthRequested()) {
            sendCertificate(certificateRequest, facts.clientCertificateAvailable());
        }
        byte[] verifyData = ctx.schedule().clientHandshakeSecret().finishedVerifyData(ctx.transcript().currentHash());
        ctx.flight().handshake(Message.FINISHED, new Finished(Opaque.of(verifyData)), ctx.transcript());
        Tls13Keys.deriveResumptionSecret(ctx, ctx.tickets().isPresent());
        ctx.schedule().wipeHandshakeTrafficSecrets();
        ctx.records().switchReadKey(Tls13Keys.protection(ctx, ctx.schedule().serverApplicationSecret(), false));
        ctx.flight().writeKey(Tls13Keys.protection(ctx, ctx.schedule().clientApplicationSecret(), false));
        return facts;
    }

    /** RFC 8446 §4.6.1: PSK = HKDF-Expand-Label(resumption_master_secret, "resumption", ticket_nonce, Hash.length). */
    @Override
    public Negotiated processNewSessionTicket(Negotiated facts, Tls13NewSessionTicket ticket, byte[] encoded) {
        if (ctx.schedule().resumptionSecret() != null && ctx.negotiation().serverName() != null && ticket.ticketLifetime() > 0) {
            // RFC 8446 §4.6.1: early_data in a NewSessionTicket says how much 0-RTT data the ticket allows.
            long maxEarlyDataSize = ticket.extension(io.tlsmachine.impl.codec.extension.EarlyDataLimit.class)
                    .map(io.tlsmachine.impl.codec.extension.EarlyDataLimit::maxEarlyDataSize).orElse(0L);
            ctx.tickets().orElseThrow().put(new StoredTicket(ctx.negotiation().serverName(), ctx.negotiation().suite().suite(), ticket.ticket(),
                    ctx.schedule().resumptionSecret().ticketPsk(ticket.ticketNonce().toByteArray()), ticket.ticketAgeAdd(),
                    ticket.ticketLifetime(), ctx.config().clock().millis(), Opaque.EMPTY, maxEarlyDataSize,
                    ctx.negotiation().applicationProtocol()));
        }
        return facts;
    }

    /**
     * RFC 8446 §4.6.2: answers a post-handshake CertificateRequest (non-empty context, §4.3.2) with Certificate,
     * CertificateVerify (when we have a certificate) and Finished keyed by client_application_traffic_secret_N
     * (§4.4), over the main handshake followed by this request and our answer. The context must be non-empty and
     * new (§4.3.2), and signature_algorithms "MUST be specified" (§4.3.2) whether or not we have a certificate.
     */
    @Override
    public Negotiated processPostHandshakeCertificateRequest(Negotiated facts, Tls13CertificateRequest request, byte[] encoded) {
        if (request.extension(SignatureAlgorithms.class).isEmpty()) {
            throw TlsException.fatal(Reason.MISSING_EXTENSION, "CertificateRequest without signature_algorithms");
        }
        postHandshakeContexts.accept(request.certificateRequestContext());
        Transcript handshake = ctx.transcript();
        ctx.beginPostHandshakeTranscript();
        try {
            ctx.transcript().add(encoded);
            sendCertificate(request, facts.clientCertificateAvailable());
            byte[] verifyData = ctx.schedule().clientApplicationSecret().finishedVerifyData(ctx.transcript().currentHash());
            ctx.flight().handshake(Message.FINISHED, new Finished(Opaque.of(verifyData)), ctx.transcript());
        } finally {
            ctx.restoreTranscript(handshake);
        }
        return facts;
    }

    /** RFC 8446 §4.4.2, §4.4.3: our Certificate (empty when we have none) and, with one, CertificateVerify. */
    private void sendCertificate(Tls13CertificateRequest request, boolean available) {
        if (!available) {
            ctx.flight().handshake(Message.CERTIFICATE_EMPTY,
                    new Tls13Certificate(request.certificateRequestContext(), List.of()), ctx.transcript());
            return;
        }
        CertifiedKey key = ctx.config().certifiedKey().orElseThrow();
        ctx.flight().handshake(Message.CERTIFICATE, Tls13Keys.certificateMessage(request.certificateRequestContext(),
                key.chain()), ctx.transcript());
        List<io.tlsmachine.impl.codec.types.SignatureScheme> offered = request.extension(SignatureAlgorithms.class)
                .map(SignatureAlgorithms::schemes).orElseThrow(() ->
                        TlsException.fatal(Reason.MISSING_EXTENSION, "CertificateRequest without signature_algorithms"));
        SignatureAlgorithm scheme = SignatureSchemes.select(offered, ctx.config().signatureSchemes(), key.privateKey(),
                VersionCode.TLS13);
        byte[] content = CertificateVerifyContent.forClient(ctx.transcript().currentHash());
        byte[] signature = ctx.crypto().sign(scheme, key.privateKey(), content, ctx.config().random());
        ctx.flight().handshake(Message.CERTIFICATE_VERIFY, new CertificateVerify(
                new io.tlsmachine.impl.codec.types.SignatureScheme(scheme.code()), Opaque.of(signature)), ctx.transcript());
    }

    private void requireTls13(VersionCode selected) {
        if (!VersionCode.TLS13.equals(selected)) {
            throw TlsException.fatal(Reason.ILLEGAL_PARAMETER, "supported_versions does not select TLS 1.3");
        }
    }

    private SuiteParameters offeredTls13Suite(CipherSuite suite) {
        if (!ctx.config().cipherSuites().contains(suite) || !SuiteParameters.implementedFor(suite, ProtocolVersion.TLS13)) {
            throw TlsException.fatal(Reason.UNOFFERED_PARAMETER_SELECTED, "the server selected " + suite + ", which we did not offer");
        }
        return SuiteParameters.of(suite).orElseThrow();
    }
}
