package io.tlsmachine.impl.handshake;

import io.tlsmachine.CertifiedKey;
import io.tlsmachine.impl.certificate.SignatureSchemes;
import io.tlsmachine.impl.codec.Opaque;
import io.tlsmachine.impl.codec.extension.EcPointFormats;
import io.tlsmachine.impl.codec.extension.ExtendedMasterSecret;
import io.tlsmachine.impl.codec.extension.Extension;
import io.tlsmachine.impl.codec.extension.RenegotiationInfo;
import io.tlsmachine.impl.codec.extension.SessionTicket;
import io.tlsmachine.impl.codec.message.CertificateVerify;
import io.tlsmachine.impl.codec.message.EcdheClientKeyExchange;
import io.tlsmachine.impl.codec.message.EcdheServerKeyExchange;
import io.tlsmachine.impl.codec.message.DheClientKeyExchange;
import io.tlsmachine.impl.codec.message.DheServerKeyExchange;
import io.tlsmachine.impl.codec.message.Finished;
import io.tlsmachine.impl.codec.message.KeyExchangeKind;
import io.tlsmachine.impl.codec.message.RsaClientKeyExchange;
import io.tlsmachine.impl.codec.message.ServerKeyExchange;
import io.tlsmachine.model.analysis.Role;
import io.tlsmachine.impl.codec.message.ServerHello;
import io.tlsmachine.impl.codec.message.ServerHelloDone;
import io.tlsmachine.impl.codec.message.Tls12Certificate;
import io.tlsmachine.impl.codec.message.Tls12CertificateRequest;
import io.tlsmachine.impl.codec.message.Tls12NewSessionTicket;
import io.tlsmachine.impl.codec.types.CertificateType;
import io.tlsmachine.impl.codec.types.ECPointFormat;
import io.tlsmachine.impl.codec.types.SignatureScheme;
import io.tlsmachine.impl.session.SessionIdCache;
import io.tlsmachine.impl.crypto.KeyExchange;
import io.tlsmachine.impl.crypto.Secret;
import io.tlsmachine.SignatureAlgorithm;
import io.tlsmachine.Reason;
import io.tlsmachine.TlsException;
import io.tlsmachine.impl.negotiation.OfferedExtensions;
import io.tlsmachine.model.Message;
import io.tlsmachine.impl.codec.message.ClientKeyExchange;
import io.tlsmachine.model.Negotiated;
import io.tlsmachine.impl.codec.types.VersionCode;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the TLS 1.2 server steps of RFC 5246 §7.3 Figure 1 with ECDHE (RFC 8422), DHE (RFC 7919) or RSA key transport
 * (RFC 5246 §7.4.7.1).
 */
final class Tls12Server implements Tls12ServerSteps {

    private final HandshakeContext ctx;
    private final ServerNegotiation negotiation;
    private KeyExchange exchange;

    Tls12Server(HandshakeContext ctx, ServerNegotiation negotiation) {
        this.ctx = ctx;
        this.negotiation = negotiation;
    }

    /**
     * RFC 5246 §7.4.1.3-§7.4.5: ServerHello (EMS, empty renegotiation_info, ALPN), Certificate, the signed
     * ServerKeyExchange, [CertificateRequest] and ServerHelloDone.
     */
    @Override
    public Negotiated selectParameters(Negotiated facts) {
        List<Extension> extensions = new ArrayList<>();
        if (facts.extendedMasterSecret()) {
            extensions.add(new ExtendedMasterSecret());
        }
        // RFC 5746 §3.6: "If the secure_renegotiation flag is set to TRUE, the server MUST include an empty
        // renegotiation_info extension"; without the flag it would be unsolicited (RFC 5246 §7.4.1.4).
        if (negotiation.secureRenegotiation()) {
            extensions.add(new RenegotiationInfo(Opaque.EMPTY));
        }
        // RFC 8422 §5.2: ec_point_formats answers only a client that sent it (OfferedExtensions below) with an ECC suite.
        if (ctx.negotiation().suite().keyExchange() == KeyExchangeKind.ECDHE) {
            extensions.add(new EcPointFormats(List.of(ECPointFormat.UNCOMPRESSED)));
        }
        if (ctx.negotiation().applicationProtocol() != null) {
            extensions.add(Hellos.alpn(List.of(ctx.negotiation().applicationProtocol())));
        }
        if (ctx.negotiation().recordSizeLimitAnswer() != null) {
            extensions.add(ctx.negotiation().recordSizeLimitAnswer());
        }
        if (facts.ticketExpected()) {
            extensions.add(new SessionTicket(Opaque.EMPTY));
        }
        boolean abbreviated = facts.tls12Handshake().abbreviated();
        Opaque sessionId = abbreviated ? ctx.negotiation().sessionId() : ctx.tls12().issuedSessionId() != null ? ctx.tls12().issuedSessionId() : Opaque.EMPTY;
        // RFC 5246 §7.4.1.4: only extension types the ClientHello carried.
        ServerHello hello = new ServerHello(VersionCode.TLS12, Opaque.of(ctx.negotiation().serverRandom()), sessionId, ctx.negotiation().suite().suite(), 0,
                OfferedExtensions.answering(negotiation.clientHello(), extensions));
        ctx.flight().handshake(Message.SERVER_HELLO, hello, ctx.transcript());
        if (abbreviated) {
            // RFC 5246 §7.3 Figure 2, RFC 5077 §3.1: [NewSessionTicket], then (declared) ChangeCipherSpec and Finished.
            if (facts.ticketExpected()) {
                sendNewSessionTicket();
            }
            Tls12Keys.installKeyBlock(ctx);
            ctx.flight().writeKey(ctx.tls12().takeWriteKeys());
            byte[] verifyData = ctx.tls12().masterSecret().finishedVerifyData(Role.SERVER, ctx.transcript().currentHash());
            ctx.flight().handshake(Message.FINISHED, new Finished(Opaque.of(verifyData)), ctx.transcript());
            return facts;
        }
        CertifiedKey key = ctx.negotiation().credential();
        ctx.flight().handshake(Message.CERTIFICATE, new Tls12Certificate(key.chain().encodings().stream().map(Opaque::of).toList()),
                ctx.transcript());
        if (ctx.negotiation().suite().keyExchange() != KeyExchangeKind.RSA) {
            sendServerKeyExchange(key);
        }
        if (facts.clientAuthRequested()) {
            ctx.flight().handshake(Message.CERTIFICATE_REQUEST, new Tls12CertificateRequest(
                    List.of(CertificateType.ECDSA_SIGN, CertificateType.RSA_SIGN), Hellos.schemes(ctx.config().signatureSchemes()),
                    List.of()), ctx.transcript());
        }
        ctx.flight().handshake(Message.SERVER_HELLO_DONE, new ServerHelloDone(), ctx.transcript());
        return facts;
    }

    /**
     * RFC 5246 §7.4.3: the ephemeral parameters, ECDHE (RFC 8422 §5.4) or DHE in the named group chosen by RFC 7919 §4,
     * signed over client_random + server_random + params.
     */
    private void sendServerKeyExchange(CertifiedKey key) {
        exchange = ctx.crypto().generateKeyExchange(ctx.negotiation().group(), ctx.config().random());
        SignatureScheme scheme = new SignatureScheme(ctx.negotiation().signature().code());
        ServerKeyExchange unsigned = ctx.negotiation().suite().keyExchange() == KeyExchangeKind.DHE
                ? FfdheNegotiation.serverParams(ctx.negotiation().group(), exchange.publicShare(), scheme)
                : new EcdheServerKeyExchange(Hellos.named(ctx.negotiation().group()), Opaque.of(exchange.publicShare()), scheme, Opaque.EMPTY);
        Opaque signature = Opaque.of(ctx.crypto().sign(ctx.negotiation().signature(), key.privateKey(),
                Tls12Keys.serverKeyExchangeContent(ctx, unsigned), ctx.config().random()));
        ServerKeyExchange signed = unsigned instanceof DheServerKeyExchange dhe
                ? new DheServerKeyExchange(dhe.p(), dhe.g(), dhe.ys(), scheme, signature)
                : new EcdheServerKeyExchange(((EcdheServerKeyExchange) unsigned).namedCurve(),
                        ((EcdheServerKeyExchange) unsigned).publicPoint(), scheme, signature);
        ctx.flight().handshake(Message.SERVER_KEY_EXCHANGE, signed, ctx.transcript());
    }

    /** RFC 5077 §3.3: a ticket sealing the session (suite and master secret); it is part of the transcript. */
    private void sendNewSessionTicket() {
        Opaque ticket = SessionTickets.seal(ctx, ctx.tls12().masterSecret().secret(), 0);
        ctx.flight().handshake(Message.NEW_SESSION_TICKET, new Tls12NewSessionTicket(SessionTickets.LIFETIME_SECONDS, ticket),
                ctx.transcript());
    }

    /**
     * RFC 5246 §7.4.7: the premaster secret from the client's ECDHE point (RFC 8422 §5.7), DHE value (§7.4.7.2, RFC 7919
     * §4: 1 &lt; Yc &lt; p-1) or RSA-encrypted secret (§7.4.7.1), then the master secret and keys.
     */
    @Override
    public Negotiated processClientKeyExchange(Negotiated facts, ClientKeyExchange cke, byte[] encoded) {
        Secret premaster;
        if (cke instanceof RsaClientKeyExchange rsa) {
            premaster = RsaKeyTransport.serverReceives(ctx, ctx.negotiation().credential().privateKey(), rsa,
                    negotiation.clientHello().legacyVersion().code());
        } else {
            try {
                premaster = cke instanceof DheClientKeyExchange dhe
                        ? FfdheNegotiation.premaster(exchange.agree(FfdheNegotiation.checkPublicValue(ctx.negotiation().group(), dhe.publicValue())))
                        : exchange.agree(((EcdheClientKeyExchange) cke).publicPoint().toByteArray());
            } finally {
                Wipe.quietly(exchange);
            }
        }
        ctx.transcript().add(encoded);
        Tls12Keys.deriveMasterSecret(ctx, premaster, facts.extendedMasterSecret());
        Tls12Keys.installKeyBlock(ctx);
        return facts;
    }

    /**
     * RFC 5246 §7.4.6: an empty client Certificate is fatal only when a certificate is required; a non-empty one is
     * verified against our trust anchors.
     */
    @Override
    public Negotiated processClientCertificate(Negotiated facts, Tls12Certificate certificate, byte[] encoded) {
        negotiation.verifyClientCertificate(certificate.certificates().stream().map(Opaque::toByteArray).toList(),
                Reason.BAD_CERTIFICATE);
        ctx.transcript().add(encoded);
        return facts;
    }

    /** RFC 5246 §7.4.8: the client signs every handshake message through ClientKeyExchange. */
    @Override
    public Negotiated processClientCertificateVerify(Negotiated facts, CertificateVerify verify, byte[] encoded) {
        SignatureAlgorithm scheme = SignatureSchemes.checkPeerChoice(verify.algorithm(), ctx.config().signatureSchemes(),
                ctx.negotiation().peerChain().leafPublicKey(), VersionCode.TLS12);
        if (!ctx.crypto().verify(scheme, ctx.negotiation().peerChain().leafPublicKey(), ctx.transcript().messages(), verify.signature().toByteArray())) {
            throw TlsException.fatal(Reason.BAD_SIGNATURE, "client CertificateVerify signature does not verify");
        }
        ctx.transcript().add(encoded);
        return facts;
    }

    /** RFC 5246 §7.1: the client's records are read with the new keys from here on. */
    @Override
    public Negotiated processChangeCipherSpec(Negotiated facts) {
        ctx.records().switchReadKey(ctx.tls12().takeReadKeys());
        return facts;
    }

    /**
     * RFC 5246 §7.4.9: verifies the client Finished; in a full handshake then [NewSessionTicket] and (after the
     * declared ChangeCipherSpec) our Finished under the new write key.
     */
    @Override
    public Negotiated processClientFinished(Negotiated facts, Finished finished, byte[] encoded) {
        ctx.tls12().masterSecret().checkFinished(Role.CLIENT, ctx.transcript().currentHash(), finished.verifyData().toByteArray());
        ctx.transcript().add(encoded);
        if (facts.tls12Handshake().abbreviated()) {
            return facts;
        }
        if (ctx.tls12().issuedSessionId() != null && facts.extendedMasterSecret()) {
            ctx.sessionIds().orElseThrow().put(ctx.tls12().issuedSessionId(), new SessionIdCache.Session(ctx.negotiation().suite().suite(),
                    Secret.copyOf(ctx.tls12().masterSecret().secret().bytes()), ctx.config().clock().millis()));
        }
        if (facts.ticketExpected()) {
            sendNewSessionTicket();
        }
        ctx.flight().writeKey(ctx.tls12().takeWriteKeys());
        byte[] verifyData = ctx.tls12().masterSecret().finishedVerifyData(Role.SERVER, ctx.transcript().currentHash());
        ctx.flight().handshake(Message.FINISHED, new Finished(Opaque.of(verifyData)), ctx.transcript());
        return facts;
    }
}
