package io.tlsmachine.impl.handshake;

import io.tlsmachine.CertifiedKey;
import io.tlsmachine.impl.certificate.SignatureSchemes;
import io.tlsmachine.impl.certificate.CredentialSelector;
import io.tlsmachine.impl.codec.Opaque;
import io.tlsmachine.impl.codec.extension.ExtendedMasterSecret;
import io.tlsmachine.impl.codec.extension.KeyShareEntry;
import io.tlsmachine.impl.codec.extension.KeyShareOffer;
import io.tlsmachine.impl.codec.extension.KeyShareRetry;
import io.tlsmachine.impl.codec.extension.PreSharedKeyOffer;
import io.tlsmachine.impl.codec.extension.PskKeyExchangeModes;
import io.tlsmachine.impl.codec.extension.ServerName;
import io.tlsmachine.impl.codec.extension.SessionTicket;
import io.tlsmachine.impl.codec.extension.SupportedGroups;
import io.tlsmachine.impl.codec.extension.SupportedVersionSelected;
import io.tlsmachine.impl.codec.extension.SupportedVersionsOffer;
import io.tlsmachine.impl.codec.message.ClientHello;
import io.tlsmachine.impl.codec.message.HelloRetryRequest;
import io.tlsmachine.CipherSuite;
import io.tlsmachine.impl.codec.types.NamedGroup;
import io.tlsmachine.PskKeyExchangeMode;
import io.tlsmachine.impl.codec.types.SignatureScheme;
import io.tlsmachine.ClientAuthPolicy;
import io.tlsmachine.KemShareRule;
import io.tlsmachine.impl.crypto.Secret;
import io.tlsmachine.KeyExchangeGroup;
import io.tlsmachine.Reason;
import io.tlsmachine.TlsException;
import io.tlsmachine.impl.negotiation.ClientHelloExtensionsRequired;
import io.tlsmachine.impl.negotiation.CompressionNegotiation;
import io.tlsmachine.impl.negotiation.VersionNegotiation;
import io.tlsmachine.model.Input;
import io.tlsmachine.model.Message;
import io.tlsmachine.model.Fact;
import io.tlsmachine.model.Negotiated;
import io.tlsmachine.model.ProtocolVersion;
import io.tlsmachine.model.Tls12Handshake;
import io.tlsmachine.model.Tls12KeyExchange;
import io.tlsmachine.model.Tls13KeyExchange;
import io.tlsmachine.impl.codec.types.VersionCode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Reads the ClientHello and makes the server's choices (RFC 8446 §4.1.1, RFC 5246 §7.4.1.2): version, suite, key
 * exchange group, signature scheme, ALPN; and whether a HelloRetryRequest is needed, which it leaves as the local
 * input SELECT_HELLO_RETRY or SELECT_PARAMETERS for the engine to fire.
 */
final class ServerNegotiation implements ServerHelloSteps {

    private final HandshakeContext ctx;
    private ClientHello clientHello;
    private KeyShareEntry clientShare;
    /** RFC 5746 §3.6: the secure_renegotiation flag of a TLS 1.2 handshake (ServerHello then carries renegotiation_info). */
    private boolean secureRenegotiation;
    /** The cookie our HelloRetryRequest carried (RFC 8446 §4.2.2), or null. */
    private Opaque helloRetryCookie;
    /** The ticket of the accepted PSK (its secret destroyed), or null. */
    private SessionTickets.OpenedTicket acceptedTicket;

    ServerNegotiation(HandshakeContext ctx) {
        this.ctx = ctx;
    }

    /** Drops the ClientHello and the client's key share once the connection is established. */
    void releaseHandshakeState() {
        clientHello = null;
        clientShare = null;
        helloRetryCookie = null;
    }

    ClientHello clientHello() {
        return clientHello;
    }

    /** RFC 5746 §3.6: whether the TLS 1.2 ClientHello signalled secure renegotiation (extension or SCSV). */
    boolean secureRenegotiation() {
        return secureRenegotiation;
    }

    /** Returns the client's key share for the selected group (TLS 1.3). */
    KeyShareEntry clientShare() {
        return clientShare;
    }

    /** RFC 8446 §4.1.2, §4.2.1: selects the version; then each version's parameters. */
    @Override
    public Decision processClientHello(Negotiated facts, ClientHello received, byte[] encoded) {
        clientHello = received;
        ctx.negotiation().recordClientRandom(clientHello.random().toByteArray());
        ctx.negotiation().useSessionId(clientHello.legacySessionId());
        ctx.negotiation().nameServer(clientHello.extension(ServerName.class).flatMap(s -> s.names().stream().findFirst())
                .map(n -> new String(n.name().toByteArray(), StandardCharsets.US_ASCII)).orElse(null));
        ProtocolVersion version = VersionNegotiation.select(clientHello, ctx.config()::supports);
        // The application's credential and ALPN for this hello (e.g. a JSSE key manager's, by SNI and schemes).
        ctx.config().clientHelloSelector().ifPresent(selector -> ctx.reconfigure(selector.select(
                ClientHelloOffers.of(clientHello, version, ctx.negotiation().serverName()), ctx.config())));
        return version == ProtocolVersion.TLS13 ? selectTls13(facts, encoded) : selectTls12(facts, encoded);
    }

    private Decision selectTls13(Negotiated facts, byte[] encoded) {
        CompressionNegotiation.check(clientHello, ProtocolVersion.TLS13);
        ClientHelloExtensionsRequired.check(clientHello);
        ctx.negotiation().agreeVersion(ProtocolVersion.TLS13);
        ctx.negotiation().chooseSuite(selectSuite(ProtocolVersion.TLS13, null));
        CredentialSelector.Selection credential = new ServerCredentials(ctx.config(), clientHello,
                Optional.ofNullable(ctx.negotiation().serverName())).forTls13();
        ctx.negotiation().chooseCredential(credential.credentials());
        ctx.negotiation().chooseSignature(credential.scheme());
        ctx.negotiation().chooseApplicationProtocol(Hellos.selectProtocol(clientHello, ctx.config().applicationProtocols()).orElse(null));
        ctx.negotiation().answerRecordSizeLimit(RecordSizeLimits.answer(ctx, clientHello, ProtocolVersion.TLS13).orElse(null));
        boolean postHandshakeAuth = clientHello.extension(io.tlsmachine.impl.codec.extension.PostHandshakeAuth.class).isPresent();
        if (postHandshakeAuth && ctx.transcript().messageCount() == 0) {
            // RFC 8446 §4.6.2: keep the handshake messages; each post-handshake authentication continues from them.
            ctx.retainTranscriptMessages();
        }
        ctx.transcript().selectHash(ctx.negotiation().suite().hash());
        Tls13KeyExchange mode = acceptPsk(clientHello, encoded);
        boolean resumed = mode.usesPsk();
        // The session's identity, for the application: the resumed ticket's, else a new one.
        ctx.negotiation().identifySession(resumed ? acceptedTicket.sessionIdentity() : Opaque.of(ctx.random32()));
        ctx.transcript().add(encoded);
        List<KeyShareEntry> shares = clientHello.extension(KeyShareOffer.class).map(KeyShareOffer::shares).orElse(List.of());
        List<NamedGroup> supported = clientHello.extension(SupportedGroups.class).map(SupportedGroups::groups).orElse(List.of());
        Negotiated selected = facts.with(Fact.VERSION, ProtocolVersion.TLS13)
                // RFC 8446 Appendix D.4: a non-empty legacy_session_id asks for compatibility mode.
                .with(Fact.MIDDLEBOX_COMPAT, !ctx.negotiation().sessionId().isEmpty())
                // RFC 8446 §4.6.1: tickets issued after this handshake; accepting one is ticketsEnabled alone (acceptPsk).
                .with(Fact.TICKETS_ENABLED, ctx.config().ticketsEnabled() && ctx.config().ticketsPerHandshake() > 0)
                .with(Fact.POST_HANDSHAKE_AUTH_OFFERED, postHandshakeAuth)
                .with(Fact.TLS13_KEY_EXCHANGE, mode)
                // RFC 8446 §4.3.2: no CertificateRequest when authenticating with a PSK.
                .with(Fact.CLIENT_AUTH_REQUESTED, !resumed && ctx.config().clientAuth() != ClientAuthPolicy.NONE);
        if (mode == Tls13KeyExchange.PSK_ONLY) {
            // RFC 8446 §4.2.9: psk_ke needs no key share.
            return Decision.then(withEarlyData(selected), Input.SELECT_PARAMETERS);
        }
        // RFC 8446 §4.2.8: use a share the client sent for our most preferred group, else ask for one. Under
        // KemShareRule.RETRY_FOR_KEM a KEM group the client lists without a share, ranked above every share it
        // sent, is asked for instead.
        boolean retryForKem = ctx.config().kemShareRule() == KemShareRule.RETRY_FOR_KEM;
        for (KeyExchangeGroup group : ctx.config().groups()) {
            Optional<KeyShareEntry> share = shares.stream().filter(s -> s.group().code() == group.code()).findFirst();
            if (share.isEmpty() && retryForKem && group.isKem() && supported.contains(Hellos.named(group))
                    && !facts.helloRetryRequested()) {
                ctx.negotiation().chooseGroup(group);
                return Decision.then(selected.with(Fact.EARLY_DATA_OFFERED, offersEarlyData(clientHello)), Input.SELECT_HELLO_RETRY);
            }
            if (share.isPresent()) {
                ctx.negotiation().chooseGroup(group);
                clientShare = share.get();
                return Decision.then(withEarlyData(selected), Input.SELECT_PARAMETERS);
            }
        }
        for (KeyExchangeGroup group : ctx.config().groups()) {
            if (supported.contains(Hellos.named(group))) {
                ctx.negotiation().chooseGroup(group);
                return Decision.then(selected.with(Fact.EARLY_DATA_OFFERED, offersEarlyData(clientHello)), Input.SELECT_HELLO_RETRY);
            }
        }
        throw TlsException.fatal(Reason.NO_COMMON_GROUP, "none of the client's groups " + supported + " is enabled");
    }

    /**
     * RFC 5246 §7.4.1.2 with RFC 8422 (ECDHE), RFC 7919 (DHE), RFC 7627 §5.3 (EMS), RFC 5746 §3.6 (renegotiation_info or the SCSV),
     * and RFC 8446 §4.1.3: a TLS 1.3-capable server puts the downgrade sentinel in its random.
     */
    private Decision selectTls12(Negotiated facts, byte[] encoded) {
        CompressionNegotiation.check(clientHello, ProtocolVersion.TLS12);
        // RFC 7627 §5.2: without the extension the server "SHOULD abort the handshake if it does not wish to
        // interoperate with legacy clients" (the option); otherwise a full handshake with the RFC 5246 master secret,
        // whose session is never stored (below, and Tls12Server) so that it is never resumed (§5.3, §5.4).
        boolean ems = clientHello.extension(ExtendedMasterSecret.class).isPresent();
        if (!ems && ctx.config().extendedMasterSecretRequired()) {
            throw TlsException.fatal(Reason.EXTENDED_MASTER_SECRET_REQUIRED, "the client did not offer extended master secret");
        }
        secureRenegotiation = Tls12Renegotiation.serverChecks(clientHello, ctx.config().secureRenegotiationRequired());
        ctx.negotiation().agreeVersion(ProtocolVersion.TLS12);
        // RFC 5246 §7.4.2, RFC 8422 §5.3: the suite and the certificate that serves it are chosen together.
        Tls12SuiteChoice choice = Tls12SuiteChoice.select(ctx.config(), clientHello,
                new ServerCredentials(ctx.config(), clientHello, Optional.ofNullable(ctx.negotiation().serverName())));
        ctx.negotiation().chooseSuite(choice.suite());
        ctx.negotiation().chooseGroup(choice.group());
        ctx.negotiation().chooseCredential(choice.credential().credentials());
        // RFC 5246 §7.4.3: under RSA key transport the server signs nothing (the selection has no scheme).
        ctx.negotiation().chooseSignature(choice.credential().scheme());
        ctx.negotiation().chooseApplicationProtocol(Hellos.selectProtocol(clientHello, ctx.config().applicationProtocols()).orElse(null));
        ctx.negotiation().answerRecordSizeLimit(RecordSizeLimits.answer(ctx, clientHello, ProtocolVersion.TLS12).orElse(null));
        byte[] serverRandom = ctx.random32();
        if (ctx.config().supports(ProtocolVersion.TLS13)) {
            System.arraycopy(Hellos.DOWNGRADE_TLS12, 0, serverRandom, 24, 8);
        }
        ctx.negotiation().recordServerRandom(serverRandom);
        // RFC 5077 §3.2: a SessionTicket extension asks for a ticket; one of ours resumes its session. Tickets and
        // session IDs are issued only for sessions with the extended master secret (RFC 7627 §5.3, §5.4).
        Optional<SessionTicket> sessionTicket = clientHello.extension(SessionTicket.class);
        boolean ticketExpected = ctx.config().ticketsEnabled() && ems && sessionTicket.isPresent();
        Optional<SessionTickets.OpenedTicket> offeredTicket = ctx.config().ticketsEnabled() && sessionTicket.isPresent()
                && !sessionTicket.get().ticket().isEmpty() ? SessionTickets.open(ctx, sessionTicket.get().ticket()) : Optional.empty();
        boolean byTicket = resumeTls12Session(offeredTicket, ems);
        boolean byId = !byTicket && ctx.sessionIds().isPresent() && !ctx.negotiation().sessionId().isEmpty()
                && resumeTls12Session(ctx.sessionIds().get().find(ctx.negotiation().sessionId(), ctx.config().clock().millis())
                        .map(s -> new SessionTickets.OpenedTicket(s.suite(), Secret.copyOf(s.masterSecret().bytes()), 0,
                                s.createdMillis(), ctx.sessionIds().get().lifetimeMillis() / 1000)), ems);
        boolean resumed = byTicket || byId;
        if (!resumed && ems && ctx.sessionIds().isPresent()) {
            ctx.tls12().issueSessionId(Opaque.of(ctx.random32()));
        }
        // The session's identity, for the application: the ticket's, the resumed session ID, the issued one, or new.
        ctx.negotiation().identifySession(byTicket ? offeredTicket.orElseThrow().sessionIdentity()
                : byId ? ctx.negotiation().sessionId()
                : ctx.tls12().issuedSessionId() != null ? ctx.tls12().issuedSessionId() : Opaque.of(ctx.random32()));
        ctx.transcript().selectHash(ctx.negotiation().suite().hash());
        ctx.transcript().add(encoded);
        return Decision.then(facts.with(Fact.VERSION, ProtocolVersion.TLS12).with(Fact.MIDDLEBOX_COMPAT, false).with(Fact.EXTENDED_MASTER_SECRET, ems)
                // The suite's key exchange decides ServerKeyExchange; an abbreviated handshake keeps the canonical ECDHE.
                .with(Fact.TLS12_KEY_EXCHANGE, resumed ? Tls12KeyExchange.ECDHE : ctx.negotiation().suite().tls12KeyExchange())
                .with(Fact.TLS12_HANDSHAKE, byTicket ? Tls12Handshake.RESUMED_BY_TICKET
                        : byId ? Tls12Handshake.RESUMED_BY_SESSION_ID : Tls12Handshake.FULL)
                .with(Fact.TICKET_EXPECTED, ticketExpected)
                .with(Fact.CLIENT_AUTH_REQUESTED, !resumed && ctx.config().clientAuth() != ClientAuthPolicy.NONE),
                Input.SELECT_PARAMETERS);
    }

    private static boolean offersEarlyData(ClientHello hello) {
        return hello.extension(io.tlsmachine.impl.codec.extension.EarlyData.class).isPresent();
    }

    /**
     * RFC 8446 §4.2.10: decides on the early data the first ClientHello offers (never after a HelloRetryRequest);
     * when accepted, the client's early traffic key over this ClientHello (§7.1) reads the records after it.
     */
    private Negotiated withEarlyData(Negotiated selected) {
        boolean offered = offersEarlyData(clientHello);
        boolean accepted = offered && acceptedTicket != null && ZeroRtt.serverAccepts(ctx, clientHello, acceptedTicket,
                clientHello.extension(PreSharedKeyOffer.class).orElseThrow().identities().get(0));
        if (accepted) {
            ctx.earlyData().accept(Math.min(acceptedTicket.maxEarlyDataSize(), ctx.config().maxEarlyDataSize()),
                    ZeroRtt.earlyProtection(ctx, ctx.schedule().earlySecret(), ctx.negotiation().suite(), ctx.transcript().currentHash()));
        }
        return selected.with(Fact.EARLY_DATA_OFFERED, offered).with(Fact.EARLY_DATA_ACCEPTED, accepted);
    }

    /**
     * RFC 5077 §3.4, RFC 5246 §7.4.1.2: resumes a session from our ticket or session cache when it is unexpired and
     * its suite is a TLS 1.2 suite the client offers and we enable (an abbreviated handshake presents no certificate,
     * so the certificate chosen above does not matter); the session's master secret comes back and
     * the client's session ID is echoed. Anything else is a full handshake.
     * RFC 7627 §5.3: we keep only sessions that used the extended master secret, so "If the original session used
     * the "extended_master_secret" extension but the new ClientHello does not contain it, the server MUST abort the
     * abbreviated handshake" (handshake_failure, as OpenSSL sends); the rules for other originals cannot arise.
     */
    private boolean resumeTls12Session(Optional<SessionTickets.OpenedTicket> opened, boolean ems) {
        if (opened.isEmpty()) {
            return false;
        }
        SessionTickets.OpenedTicket session = opened.get();
        Optional<SuiteParameters> suite = SuiteParameters.of(session.suite());
        boolean usable = session.validAt(ctx.config().clock().millis()) && suite.isPresent()
                && suite.get().version() == ProtocolVersion.TLS12
                && clientHello.cipherSuites().contains(session.suite()) && ctx.config().cipherSuites().contains(session.suite())
                && !ctx.negotiation().sessionId().isEmpty();
        if (!usable) {
            session.psk().destroy();
            return false;
        }
        if (!ems) {
            session.psk().destroy();
            throw TlsException.fatal(Reason.EXTENDED_MASTER_SECRET_INCONSISTENT,
                    "the client offers a session that used the extended master secret without the extension");
        }
        ctx.negotiation().chooseSuite(suite.get());
        ctx.tls12().establish(io.tlsmachine.impl.keyschedule.Tls12MasterSecret.resumed(
                new io.tlsmachine.impl.keyschedule.Tls12Prf(ctx.crypto(), ctx.negotiation().suite().hash()), session.psk()));
        Tls12Keys.logMasterSecret(ctx);
        return true;
    }

    /** RFC 8446 §4.1.4: HelloRetryRequest naming the group we want; ClientHello1 becomes message_hash (§4.4.1). */
    @Override
    public Negotiated sendHelloRetryRequest(Negotiated facts) {
        ctx.transcript().replaceClientHelloWithMessageHash();
        List<io.tlsmachine.impl.codec.extension.Extension> extensions = new java.util.ArrayList<>(
                List.of(new SupportedVersionSelected(VersionCode.TLS13), new KeyShareRetry(Hellos.named(ctx.negotiation().group()))));
        if (ctx.config().helloRetryCookies()) {
            // RFC 8446 §4.2.2: a fresh random cookie the second ClientHello must echo.
            helloRetryCookie = Opaque.of(ctx.random32());
            extensions.add(new io.tlsmachine.impl.codec.extension.Cookie(helloRetryCookie));
        }
        HelloRetryRequest hrr = new HelloRetryRequest(VersionCode.TLS12, ctx.negotiation().sessionId(), ctx.negotiation().suite().suite(), 0, extensions);
        ctx.flight().handshake(Message.HELLO_RETRY_REQUEST, hrr, ctx.transcript());
        // RFC 8446 §4.2.10: after a HelloRetryRequest, early data arrives as application_data records in the clear.
        if (clientHello.extension(io.tlsmachine.impl.codec.extension.EarlyData.class).isPresent()) {
            ctx.records().reader().skipRejectedEarlyData(Tls13Server.REJECTED_EARLY_DATA_LIMIT);
        }
        return facts.with(Fact.HELLO_RETRY_REQUESTED, true);
    }

    /**
     * RFC 8446 §4.1.4: ClientHello2 must keep the session id and still offer the selected suite and TLS 1.3, and
     * carry exactly one share, for the group the HelloRetryRequest named.
     */
    @Override
    public Decision processRetriedClientHello(Negotiated facts, ClientHello retried, byte[] encoded) {
        // RFC 8446 Appendix D.5: "Any endpoint receiving a Hello message with ClientHello.legacy_version ... set to
        // 0x0300 MUST abort the handshake with a "protocol_version" alert": ClientHello2 is held to the version rules
        // of the first (D.5 first) before the checks of what it may change.
        VersionNegotiation.select(retried, ctx.config()::supports);
        boolean offers13 = retried.extension(SupportedVersionsOffer.class).map(v -> v.versions().contains(VersionCode.TLS13)).orElse(false);
        List<KeyShareEntry> shares = retried.extension(KeyShareOffer.class).map(KeyShareOffer::shares).orElse(List.of());
        if (!offers13 || !retried.legacySessionId().equals(ctx.negotiation().sessionId()) || !retried.cipherSuites().contains(ctx.negotiation().suite().suite())
                || shares.size() != 1 || shares.get(0).group().code() != ctx.negotiation().group().code()) {
            throw TlsException.fatal(Reason.ILLEGAL_HELLO_RETRY, "the second ClientHello does not answer the HelloRetryRequest");
        }
        RetriedClientHello.check(clientHello, retried, helloRetryCookie);
        clientHello = retried;
        clientShare = shares.get(0);
        Tls13KeyExchange mode = acceptPsk(retried, encoded);
        ctx.transcript().add(encoded);
        return Decision.then(facts.with(Fact.TLS13_KEY_EXCHANGE, mode)
                .with(Fact.CLIENT_AUTH_REQUESTED, !mode.usesPsk() && ctx.config().clientAuth() != ClientAuthPolicy.NONE), Input.SELECT_PARAMETERS);
    }

    /**
     * RFC 8446 §4.2.11: accepts the first identity when tickets are enabled, the client and we share a PSK mode
     * (psk_dhe_ke preferred, §4.2.9), the ticket is ours, unexpired and of a TLS 1.3 session, and its suite has the
     * selected suite's hash;
     * then the binder must verify (else decrypt_error). Any other PSK is ignored: ECDHE, a full handshake.
     */
    private Tls13KeyExchange acceptPsk(ClientHello hello, byte[] encoded) {
        ctx.schedule().abandonPsk();
        acceptedTicket = null;
        Optional<PreSharedKeyOffer> offer = hello.extension(PreSharedKeyOffer.class);
        List<PskKeyExchangeMode> offeredModes = hello.extension(PskKeyExchangeModes.class).map(PskKeyExchangeModes::modes)
                .orElse(List.of());
        Tls13KeyExchange mode = Tls13KeyExchange.ECDHE;
        for (PskKeyExchangeMode ours : List.of(PskKeyExchangeMode.PSK_DHE_KE, PskKeyExchangeMode.PSK_KE)) {
            if (mode == Tls13KeyExchange.ECDHE && offeredModes.contains(ours) && ctx.config().pskKeyExchangeModes().contains(ours)) {
                mode = ours.equals(PskKeyExchangeMode.PSK_DHE_KE) ? Tls13KeyExchange.PSK_DHE : Tls13KeyExchange.PSK_ONLY;
            }
        }
        if (!ctx.config().ticketsEnabled() || offer.isEmpty() || mode == Tls13KeyExchange.ECDHE) {
            return Tls13KeyExchange.ECDHE;
        }
        Optional<SessionTickets.OpenedTicket> ticket = SessionTickets.open(ctx, offer.get().identities().get(0).identity());
        // RFC 8446 §4.2.11: "the server MUST ensure that it selects a compatible PSK (if any)": a TLS 1.2 session's
        // ticket (its suite a TLS 1.2 one) is no TLS 1.3 PSK, whatever its hash; it is ignored, not a binder failure.
        if (ticket.isEmpty() || !ticket.get().validAt(ctx.config().clock().millis())
                || SuiteParameters.of(ticket.get().suite()).map(p -> p.version() != ProtocolVersion.TLS13
                        || p.hash() != ctx.negotiation().suite().hash()).orElse(true)) {
            ticket.ifPresent(t -> t.psk().destroy());
            return Tls13KeyExchange.ECDHE;
        }
        io.tlsmachine.impl.keyschedule.EarlySecret early = SessionTickets.earlySecret(ctx, ctx.negotiation().suite().hash(), ticket.get().psk());
        ticket.get().psk().destroy();
        byte[] truncated = SessionTickets.truncatedHash(ctx, ctx.negotiation().suite().hash(), hello, encoded);
        try {
            SessionTickets.checkBinder(early, truncated, offer.get().binders().get(0).toByteArray());
        } catch (RuntimeException e) {
            early.destroy();
            throw e;
        }
        ctx.schedule().startWithPsk(early);
        acceptedTicket = ticket.get();
        return mode;
    }

    /** Our most preferred suite of {@code version} the client offered (for TLS 1.2, matching our key type). */
    private SuiteParameters selectSuite(ProtocolVersion version, Boolean ecdsa) {
        for (CipherSuite suite : ctx.config().cipherSuites()) {
            Optional<SuiteParameters> p = SuiteParameters.of(suite);
            if (p.isPresent() && p.get().version() == version && clientHello.cipherSuites().contains(suite)
                    && (ecdsa == null || p.get().ecdsaAuthentication() == ecdsa)) {
                return p.get();
            }
        }
        throw TlsException.fatal(Reason.NO_COMMON_CIPHER_SUITE, "none of the client's " + clientHello.cipherSuites().size()
                + " cipher suites is enabled for " + version + " with our certificate");
    }


    /**
     * RFC 8446 §4.4.2.4, RFC 5246 §7.4.6: verifies a non-empty client chain against our trust anchors; an empty one is
     * fatal ({@code whenMissing}) only when a certificate is required.
     */
    void verifyClientCertificate(List<byte[]> ders, Reason whenMissing) {
        if (ders.isEmpty()) {
            if (ctx.config().clientAuth() == ClientAuthPolicy.REQUIRE) {
                throw TlsException.fatal(whenMissing, "the client sent no certificate, and one is required");
            }
        } else {
            ctx.negotiation().peerVerified(ctx.config().effectiveCertificateVerifier().verifyClient(
                    io.tlsmachine.CertificateChain.fromDer(ders)));
        }
    }
}
