package io.tlsmachine.impl.handshake;

import io.tlsmachine.impl.codec.Opaque;
import io.tlsmachine.impl.codec.extension.EcPointFormats;
import io.tlsmachine.impl.codec.extension.ExtendedMasterSecret;
import io.tlsmachine.impl.codec.extension.Extension;
import io.tlsmachine.impl.codec.extension.KeyShareEntry;
import io.tlsmachine.impl.codec.extension.KeyShareOffer;
import io.tlsmachine.impl.codec.extension.PreSharedKeyOffer;
import io.tlsmachine.impl.codec.extension.PskIdentity;
import io.tlsmachine.impl.codec.extension.PskKeyExchangeModes;
import io.tlsmachine.impl.codec.extension.RenegotiationInfo;
import io.tlsmachine.impl.codec.extension.ServerName;
import io.tlsmachine.impl.codec.extension.SessionTicket;
import io.tlsmachine.impl.codec.extension.ServerNameEntry;
import io.tlsmachine.impl.codec.extension.SignatureAlgorithms;
import io.tlsmachine.impl.codec.extension.SupportedGroups;
import io.tlsmachine.impl.codec.extension.SupportedVersionsOffer;
import io.tlsmachine.impl.codec.message.ClientHello;
import io.tlsmachine.CipherSuite;
import io.tlsmachine.impl.codec.types.ECPointFormat;
import io.tlsmachine.impl.session.StoredTicket;
import io.tlsmachine.impl.crypto.HashAlgorithm;
import io.tlsmachine.TlsConfig;
import io.tlsmachine.impl.crypto.KeyExchange;
import io.tlsmachine.KeyExchangeGroup;
import io.tlsmachine.impl.keyschedule.Transcript;
import io.tlsmachine.model.Message;
import io.tlsmachine.model.Fact;
import io.tlsmachine.model.Negotiated;
import io.tlsmachine.model.ProtocolVersion;
import io.tlsmachine.impl.codec.types.VersionCode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Implements the client's steps of both versions with real codecs and crypto: builds the ClientHello, and holds the
 * version's steps ({@link Tls13Client}, {@link Tls12Client}) the model's transitions call.
 */
public final class ClientHandshake extends CommonSteps implements ClientHelloSteps {

    /** Our key shares by group: a map of their own while the handshake offers them, the shared empty map otherwise. */
    Map<KeyExchangeGroup, KeyExchange> keyShares = Map.of();
    ClientHello clientHello;
    /** RFC 8446 §4.2.10: the first ClientHello offers early data (never a second one, after HelloRetryRequest). */
    boolean offeringEarlyData;
    private Tls13Client tls13;
    private Tls12Client tls12;

    @Override
    void releaseHandshakeState() {
        clientHello = null;
        keyShares.values().forEach(Wipe::quietly);
        // The shared empty map holds nothing per connection: a cleared one would keep its table for its life.
        keyShares = Map.of();
    }

    public ClientHandshake(HandshakeContext ctx) {
        super(ctx);
        if ((ctx.config().certifiedKey().isPresent() && ctx.config().supports(ProtocolVersion.TLS12)) || ctx.config().postHandshakeAuth()) {
            ctx.retainTranscriptMessages();
        }
    }

    /** Returns the facts a client starts with, from its configuration. */
    public static Negotiated initialFacts(TlsConfig config) {
        boolean tls13 = config.supports(ProtocolVersion.TLS13);
        return (tls13 ? Negotiated.tls13() : Negotiated.tls12())
                .with(Fact.MIDDLEBOX_COMPAT, tls13 && config.middleboxCompatibility())
                .with(Fact.CLIENT_CERTIFICATE_AVAILABLE, config.certifiedKey().isPresent())
                .with(Fact.POST_HANDSHAKE_AUTH_OFFERED, tls13 && config.postHandshakeAuth());
    }

    /** RFC 8446 §4.1.2, RFC 5246 §7.4.1.2: sends the first ClientHello. */
    @Override
    public Negotiated sendClientHello(Negotiated facts) {
        TlsConfig config = ctx.config();
        ctx.negotiation().recordClientRandom(ctx.random32());
        boolean offer13 = config.supports(ProtocolVersion.TLS13);
        // RFC 8446 Appendix D.4: in compatibility mode the client sends a non-empty legacy_session_id.
        ctx.negotiation().useSessionId(facts.middleboxCompat() ? Opaque.of(ctx.random32()) : Opaque.EMPTY);
        if (offer13) {
            keyShares = new LinkedHashMap<>();
            for (KeyExchangeGroup group : config.keyShareGroups()) {
                keyShares.put(group, ctx.crypto().generateKeyExchange(group, config.random()));
            }
        }
        ctx.offerTicket(resumableTicket().orElse(null));
        // RFC 5077 §3.4: with a ticket the client sends a session ID, which the server echoes when it resumes.
        // RFC 5246 §7.4.1.2: a session cached by ID is offered by its session ID.
        if (ctx.offeredTicket() != null && ticketVersion(ctx.offeredTicket()) == ProtocolVersion.TLS12) {
            if (!ctx.offeredTicket().sessionId().isEmpty()) {
                ctx.negotiation().useSessionId(ctx.offeredTicket().sessionId());
            } else if (ctx.negotiation().sessionId().isEmpty()) {
                ctx.negotiation().useSessionId(Opaque.of(ctx.random32()));
            }
        }
        byte[] earlyData = ctx.takeEarlyDataToSend();
        offeringEarlyData = ZeroRtt.clientMayOffer(ctx, ctx.offeredTicket(), earlyData);
        clientHello = buildClientHello(null);
        if (!offeringEarlyData) {
            ctx.flight().handshake(Message.CLIENT_HELLO, clientHello, ctx.transcript());
            return facts;
        }
        // RFC 8446 §2.3, §4.2.10: 0-RTT data follows the ClientHello under client_early_traffic_secret (§7.1).
        SuiteParameters suite = SuiteParameters.of(ctx.offeredTicket().suite()).orElseThrow();
        byte[] hash = ZeroRtt.clientHelloHash(ctx, suite.hash(), io.tlsmachine.impl.codec.message.HandshakeCodec.encode(clientHello));
        ctx.flight().handshake(Message.CLIENT_HELLO, clientHello, ctx.transcript());
        ctx.flight().writeKey(ZeroRtt.earlyProtection(ctx, ctx.schedule().earlySecret(), suite, hash));
        ctx.flight().applicationData(earlyData);
        ctx.earlyDataSent();
        return facts.with(Fact.EARLY_DATA_OFFERED, true);
    }

    /**
     * RFC 8446 §4.2.10: the early data was not accepted (HelloRetryRequest, TLS 1.2, or EncryptedExtensions without
     * early_data); when it was written under the early key, later records go under {@code next}.
     */
    void rejectEarlyData(io.tlsmachine.impl.record.RecordProtection next) {
        offeringEarlyData = false;
        ctx.earlyDataRejected();
        if (ctx.records().writer().epoch() == io.tlsmachine.model.Epoch.EARLY) {
            ctx.flight().writeKey(next);
        } else {
            next.destroy();
        }
    }

    /** RFC 8446 §4.6.1: a stored ticket for our server name, still valid, whose suite we still offer. */
    private java.util.Optional<StoredTicket> resumableTicket() {
        TlsConfig config = ctx.config();
        if (ctx.tickets().isEmpty() || config.serverName().isEmpty()) {
            return java.util.Optional.empty();
        }
        return ctx.tickets().get().take(config.serverName().get())
                .filter(t -> t.validAt(config.clock().millis()) && config.cipherSuites().contains(t.suite())
                        && ticketVersion(t) != null && config.supports(ticketVersion(t)));
    }

    static ProtocolVersion ticketVersion(StoredTicket ticket) {
        return SuiteParameters.of(ticket.suite()).map(SuiteParameters::version).orElse(null);
    }

    /**
     * Builds a ClientHello offering our configuration, with the key shares held and an optional cookie; with a ticket,
     * last, pre_shared_key whose binder covers the transcript so far and this ClientHello up to the binders
     * (RFC 8446 §4.2.11.2).
     */
    ClientHello buildClientHello(Extension cookie) {
        ClientHello hello = buildWithoutPsk(cookie);
        StoredTicket ticket = ctx.offeredTicket();
        if (ticket == null || ticketVersion(ticket) != ProtocolVersion.TLS13) {
            return hello;
        }
        HashAlgorithm hash = SuiteParameters.of(ticket.suite()).orElseThrow().hash();
        List<Extension> extensions = new ArrayList<>(hello.extensions());
        extensions.add(new PreSharedKeyOffer(List.of(new PskIdentity(ticket.ticket(), ticket.obfuscatedAge(ctx.config().clock().millis()))),
                List.of(Opaque.of(new byte[hash.length()]))));
        ClientHello draft = new ClientHello(hello.legacyVersion(), hello.random(), hello.legacySessionId(), hello.cipherSuites(),
                hello.legacyCompressionMethods(), extensions);
        ctx.schedule().startWithPsk(SessionTickets.earlySecret(ctx, hash, ticket.psk()));
        byte[] truncated = SessionTickets.truncatedHash(ctx, hash, draft, io.tlsmachine.impl.codec.message.HandshakeCodec.encode(draft));
        return draft.withBinders(List.of(Opaque.of(SessionTickets.binder(ctx.schedule().earlySecret(), truncated))));
    }

    private ClientHello buildWithoutPsk(Extension cookie) {
        TlsConfig config = ctx.config();
        boolean offer13 = config.supports(ProtocolVersion.TLS13);
        boolean offer12 = config.supports(ProtocolVersion.TLS12);
        List<CipherSuite> suites = config.cipherSuites().stream()
                .filter(s -> SuiteParameters.of(s).map(p -> config.supports(p.version())).orElse(false)).toList();
        List<Extension> extensions = new ArrayList<>();
        // RFC 6066 §3: "Literal IPv4 and IPv6 addresses are not permitted in HostName".
        config.serverName().filter(name -> !isIpLiteral(name))
                .ifPresent(name -> extensions.add(new ServerName(List.of(ServerNameEntry.hostName(name)))));
        extensions.add(new SupportedGroups(Hellos.namedGroups(FfdheNegotiation.offered(config))));
        if (offer12) {
            extensions.add(new EcPointFormats(List.of(ECPointFormat.UNCOMPRESSED)));
            extensions.add(new ExtendedMasterSecret());
            // RFC 5746 §3.4: the initial handshake carries an empty renegotiation_info.
            extensions.add(new RenegotiationInfo(Opaque.EMPTY));
            // RFC 5077 §3.2: an empty SessionTicket asks for a ticket; a stored TLS 1.2 ticket asks to resume.
            if (config.ticketStore().isPresent()) {
                StoredTicket ticket = ctx.offeredTicket();
                extensions.add(new SessionTicket(ticket != null && ticketVersion(ticket) == ProtocolVersion.TLS12
                        ? ticket.ticket() : Opaque.EMPTY));
            }
        }
        extensions.add(new SignatureAlgorithms(Hellos.schemes(config.signatureSchemes())));
        if (!config.applicationProtocols().isEmpty()) {
            extensions.add(Hellos.alpn(config.applicationProtocols()));
        }
        config.recordSizeLimit().map(io.tlsmachine.impl.codec.extension.RecordSizeLimit::new).ifPresent(extensions::add);
        if (offer13) {
            // RFC 8446 §4.2.1: the versions we support, most preferred first.
            extensions.add(new SupportedVersionsOffer(List.of(ProtocolVersion.TLS13, ProtocolVersion.TLS12).stream()
                    .filter(config::supports).map(VersionCode::of).toList()));
            if (config.postHandshakeAuth()) {
                extensions.add(new io.tlsmachine.impl.codec.extension.PostHandshakeAuth());
            }
            if (cookie != null) {
                extensions.add(cookie);
            }
            if (offeringEarlyData) {
                extensions.add(new io.tlsmachine.impl.codec.extension.EarlyData());
            }
            // RFC 8446 §4.2.9: the modes also restrict "those [PSKs] which the server might supply via NewSessionTicket",
            // and servers such as the JDK's send no ticket without them: a client keeping tickets always sends them.
            if (config.ticketStore().isPresent()) {
                extensions.add(new PskKeyExchangeModes(config.pskKeyExchangeModes()));
            }
            List<KeyShareEntry> shares = keyShares.values().stream()
                    .map(k -> new KeyShareEntry(Hellos.named(k.group()), Opaque.of(k.publicShare()))).toList();
            extensions.add(new KeyShareOffer(shares));
        }
        return new ClientHello(VersionCode.TLS12, Opaque.of(ctx.negotiation().clientRandom()),
                ctx.negotiation().sessionId(), suites, Opaque.ofUnsigned(0), extensions);
    }

    private static boolean isIpLiteral(String name) {
        return name.contains(":") || name.matches("[0-9.]+");
    }

    /**
     * RFC 8446 §6.1 and Appendix A.1 (note): a close_notify answered before we know whether the server accepted our
     * early data goes under the handshake key (the model declares it so), not the early key.
     */
    @Override
    public Negotiated receiveCloseNotify(Negotiated facts) {
        leaveUnansweredEarlyKey(facts, false);
        return super.receiveCloseNotify(facts);
    }

    /**
     * RFC 8446 §4.2.10 and Appendix A.1 (note): a client that aborts while its early data is still unanswered gives
     * it up and sends the declared alert under the key the model declares for it: its handshake key once it has one
     * (after a TLS 1.3 ServerHello), otherwise in the clear (e.g. a TLS 1.2 ServerHello with the downgrade sentinel,
     * §4.1.3).
     */
    @Override
    public Decision abortHandshake(Negotiated facts) {
        leaveUnansweredEarlyKey(facts, true);
        return super.abortHandshake(facts);
    }

    /**
     * Gives up early data the server has not accepted and moves our write key off the early key: to our handshake key
     * once we have one, otherwise into the clear when {@code inTheClearWithoutHandshakeKey}, else not at all.
     */
    private void leaveUnansweredEarlyKey(Negotiated facts, boolean inTheClearWithoutHandshakeKey) {
        if (facts.earlyDataAccepted() || ctx.records().writer().epoch() != io.tlsmachine.model.Epoch.EARLY) {
            return;
        }
        if (ctx.schedule().clientHandshakeSecret() != null) {
            rejectEarlyData(Tls13Keys.protection(ctx, ctx.schedule().clientHandshakeSecret(), true));
        } else if (inTheClearWithoutHandshakeKey) {
            rejectEarlyData(io.tlsmachine.impl.record.PlaintextProtection.INSTANCE);
        }
    }

    /** RFC 5246 §7.4.1.1: "This message will be ignored by the client if the client is currently negotiating". */
    @Override
    public Negotiated ignoreHelloRequest(Negotiated facts) {
        return facts;
    }

    /** The TLS 1.3 steps, made when the model first takes a TLS 1.3 transition (a TLS 1.2 connection holds none). */
    public Tls13ClientSteps tls13() {
        if (tls13 == null) {
            tls13 = new Tls13Client(ctx, this);
        }
        return tls13;
    }

    /** The TLS 1.2 steps, made when the model first takes a TLS 1.2 transition (a TLS 1.3 connection holds none). */
    public Tls12ClientSteps tls12() {
        if (tls12 == null) {
            tls12 = new Tls12Client(ctx, this);
        }
        return tls12;
    }
}
