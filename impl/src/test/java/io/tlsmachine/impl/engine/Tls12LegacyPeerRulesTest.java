package io.tlsmachine.impl.engine;

import static io.tlsmachine.impl.engine.EngineFixtures.EC;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.ServerSessionCache;
import io.tlsmachine.TicketStore;
import io.tlsmachine.TlsEngine;
import io.tlsmachine.TlsConfig;
import io.tlsmachine.TlsConfigBuilder;
import io.tlsmachine.impl.codec.Opaque;
import io.tlsmachine.impl.codec.extension.ExtendedMasterSecret;
import io.tlsmachine.impl.codec.extension.Extension;
import io.tlsmachine.impl.codec.extension.RenegotiationInfo;
import io.tlsmachine.impl.codec.extension.SessionTicket;
import io.tlsmachine.impl.codec.message.ClientHello;
import io.tlsmachine.impl.codec.message.ServerHello;
import io.tlsmachine.AlertDescription;
import io.tlsmachine.CipherSuite;
import io.tlsmachine.Reason;
import io.tlsmachine.model.ProtocolVersion;
import io.tlsmachine.model.client.ClientState;
import io.tlsmachine.model.server.ServerState;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The TLS 1.2 rules for peers without the extended master secret (RFC 7627 §5.2, §5.3) or without renegotiation
 * indication (RFC 5746 §3.4, §3.6): what the defaults accept, what the options refuse, and the exact alert of each
 * refusal. The peer is our own engine with its hello rewritten by an attacker in the middle, so a handshake that is
 * accepted still fails at Finished (the transcripts differ); the rule under test decides before that.
 */
class Tls12LegacyPeerRulesTest {

    private static final HexFormat HEX = HexFormat.of();

    private static byte[] plaintextFatalAlert(AlertDescription description) {
        return HEX.parseHex("150303000202" + String.format("%02x", description.code()));
    }

    private static TlsConfigBuilder tls12Client() {
        return EngineFixtures.client(EC).versions(ProtocolVersion.TLS12);
    }

    /** Feeds the client's ClientHello, rewritten, to the server and returns what the server answered. */
    private static byte[] serverAnswer(EngineFixtures.Pair pair, UnaryOperator<ClientHello> rewrite) {
        pair.client.beginHandshake();
        pair.server.feed(EngineFixtures.rewriteClientHello(pair.client.drainOutbound(), rewrite));
        return pair.server.drainOutbound();
    }

    private static ClientHello without(ClientHello hello, Predicate<Extension> drop) {
        return EngineFixtures.withoutExtensions(hello, drop, null);
    }

    private static ClientHello withExtensions(ClientHello hello, List<Extension> extensions, List<CipherSuite> suites) {
        return new ClientHello(hello.legacyVersion(), hello.random(), hello.legacySessionId(), suites,
                hello.legacyCompressionMethods(), extensions);
    }

    private static ServerHello firstServerHello(byte[] flight) {
        return Tls12Interceptor.serverHello(TestRecords.split(flight).get(0));
    }

    /**
     * Runs the client's ClientHello through the server and feeds the client the server's flight, its ServerHello's
     * extensions rewritten.
     */
    private static void clientReadsServerHello(EngineFixtures.Pair pair, UnaryOperator<List<Extension>> rewrite) {
        pair.client.beginHandshake();
        pair.server.feed(pair.client.drainOutbound());
        pair.client.feed(serverHelloRewritten(pair.server.drainOutbound(), rewrite));
    }

    /** Drops the extensions {@code drop} accepts. */
    private static UnaryOperator<List<Extension>> dropping(Predicate<Extension> drop) {
        return extensions -> extensions.stream().filter(drop.negate()).toList();
    }

    /** Asserts {@code engine} failed for {@code reason} and {@code sent}, what it wrote, is one handshake_failure alert. */
    private static void assertRefusedWithHandshakeFailure(TlsEngine engine, Reason reason, byte[] sent) {
        assertThat(engine.failure().orElseThrow().reason()).isEqualTo(reason);
        assertThat(sent).isEqualTo(plaintextFatalAlert(AlertDescription.HANDSHAKE_FAILURE));
    }

    // RFC 7627 §5.2: a full handshake without the extension.

    @Test
    void serverByDefaultAnswersAClientWithoutEmsWithAFullHandshakeWhoseSessionItDoesNotKeep() {
        TlsConfig server = EngineFixtures.server(EC).ticketsEnabled(true).sessionCache(new ServerSessionCache(16)).build();
        EngineFixtures.Pair pair = new EngineFixtures.Pair(tls12Client().ticketStore(new TicketStore()).build(), server);

        byte[] answer = serverAnswer(pair, hello -> without(hello, e -> e instanceof ExtendedMasterSecret));

        assertThat(pair.server.failure()).isEmpty();
        assertThat(pair.server.state()).isEqualTo(ServerState.TLS12_WAIT_CKE);
        ServerHello hello = firstServerHello(answer);
        assertThat(hello.extension(ExtendedMasterSecret.class)).as("no EMS answered").isEmpty();
        assertThat(hello.extension(SessionTicket.class)).as("no ticket promised").isEmpty();
        assertThat(hello.legacySessionIdEcho().isEmpty()).as("no session ID: the session will not be cached").isTrue();
    }

    @Test
    void serverRequiringEmsRefusesAClientWithoutItWithHandshakeFailure() {
        EngineFixtures.Pair pair = new EngineFixtures.Pair(tls12Client().build(),
                EngineFixtures.server(EC).extendedMasterSecretRequired(true).build());

        byte[] answer = serverAnswer(pair, hello -> without(hello, e -> e instanceof ExtendedMasterSecret));

        assertRefusedWithHandshakeFailure(pair.server, Reason.EXTENDED_MASTER_SECRET_REQUIRED, answer);
    }

    @Test
    void clientByDefaultContinuesAFullHandshakeWithAServerThatDoesNotAnswerEms() {
        EngineFixtures.Pair pair = new EngineFixtures.Pair(tls12Client().build(), EngineFixtures.server(EC).build());

        clientReadsServerHello(pair, dropping(e -> e instanceof ExtendedMasterSecret));

        assertThat(pair.client.failure()).isEmpty();
        assertThat(pair.client.state()).isEqualTo(ClientState.TLS12_WAIT_CCS);
        assertThat(pair.client.facts().extendedMasterSecret()).isFalse();
    }

    @Test
    void clientRequiringEmsRefusesAServerHelloWithoutItWithHandshakeFailure() {
        EngineFixtures.Pair pair = new EngineFixtures.Pair(tls12Client().extendedMasterSecretRequired(true).build(),
                EngineFixtures.server(EC).build());

        clientReadsServerHello(pair, dropping(e -> e instanceof ExtendedMasterSecret));

        assertRefusedWithHandshakeFailure(pair.client, Reason.EXTENDED_MASTER_SECRET_REQUIRED, pair.client.drainOutbound());
    }

    // RFC 7627 §5.3: abbreviated handshakes. Every session we keep used the extension.

    /** A first full handshake with {@code server}, then the second connection of the same client, not yet started. */
    private static EngineFixtures.Pair secondConnection(TlsConfig server) {
        TicketStore store = new TicketStore();
        new EngineFixtures.Pair(tls12Client().ticketStore(store).build(), server).handshake();
        assertThat(store.has(EngineFixtures.HOST)).isTrue();
        return new EngineFixtures.Pair(tls12Client().ticketStore(store).build(), server);
    }

    @Test
    void serverAbortsAResumptionByTicketWhoseClientHelloDropsEmsWithHandshakeFailure() {
        EngineFixtures.Pair second = secondConnection(EngineFixtures.server(EC).ticketsEnabled(true).build());

        byte[] answer = serverAnswer(second, hello -> without(hello, e -> e instanceof ExtendedMasterSecret));

        assertRefusedWithHandshakeFailure(second.server, Reason.EXTENDED_MASTER_SECRET_INCONSISTENT, answer);
    }

    @Test
    void serverAbortsAResumptionBySessionIdWhoseClientHelloDropsEmsWithHandshakeFailure() {
        EngineFixtures.Pair second =
                secondConnection(EngineFixtures.server(EC).sessionCache(new ServerSessionCache(16)).build());

        byte[] answer = serverAnswer(second, hello -> without(hello, e -> e instanceof ExtendedMasterSecret));

        assertRefusedWithHandshakeFailure(second.server, Reason.EXTENDED_MASTER_SECRET_INCONSISTENT, answer);
    }

    @Test
    void clientAbortsAnAbbreviatedHandshakeWhoseServerHelloDropsEmsWithHandshakeFailure() {
        EngineFixtures.Pair second = secondConnection(EngineFixtures.server(EC).ticketsEnabled(true).build());

        clientReadsServerHello(second, dropping(e -> e instanceof ExtendedMasterSecret));

        assertRefusedWithHandshakeFailure(second.client, Reason.EXTENDED_MASTER_SECRET_INCONSISTENT,
                second.client.drainOutbound());
    }

    @Test
    void clientResumesWhenTheAbbreviatedServerHelloKeepsEms() {
        EngineFixtures.Pair second = secondConnection(EngineFixtures.server(EC).ticketsEnabled(true).build()).handshake();

        assertThat(second.client.negotiated().orElseThrow().resumed()).isTrue();
        assertThat(second.client.facts().extendedMasterSecret()).isTrue();
    }

    // RFC 5746 §3.6: the server and the client's signal.

    /** The ClientHello's extensions without renegotiation_info, and {@code extra} after them. */
    private static List<Extension> withoutRenegotiationInfo(List<Extension> extensions, List<Extension> extra) {
        List<Extension> kept = new ArrayList<>(extensions.stream().filter(e -> !(e instanceof RenegotiationInfo)).toList());
        kept.addAll(extra);
        return kept;
    }

    @Test
    void serverByDefaultAcceptsAClientHelloWithoutRenegotiationSignalAndSendsNoRenegotiationInfo() {
        EngineFixtures.Pair pair = new EngineFixtures.Pair(tls12Client().build(), EngineFixtures.server(EC).build());

        byte[] answer = serverAnswer(pair, hello -> withExtensions(hello, withoutRenegotiationInfo(hello.extensions(), List.of()),
                hello.cipherSuites().stream().filter(s -> !s.equals(CipherSuite.TLS_EMPTY_RENEGOTIATION_INFO_SCSV)).toList()));

        assertThat(pair.server.failure()).isEmpty();
        assertThat(pair.server.state()).isEqualTo(ServerState.TLS12_WAIT_CKE);
        assertThat(firstServerHello(answer).extension(RenegotiationInfo.class)).as("unsolicited otherwise").isEmpty();
    }

    @Test
    void serverRequiringTheSignalRefusesAClientHelloWithoutItWithHandshakeFailure() {
        EngineFixtures.Pair pair = new EngineFixtures.Pair(tls12Client().build(),
                EngineFixtures.server(EC).secureRenegotiationRequired(true).build());

        byte[] answer = serverAnswer(pair, hello -> without(hello, e -> e instanceof RenegotiationInfo));

        assertRefusedWithHandshakeFailure(pair.server, Reason.INSECURE_RENEGOTIATION, answer);
    }

    @Test
    void serverTakesTheScsvAsTheSignalAndAnswersWithAnEmptyRenegotiationInfo() {
        EngineFixtures.Pair pair = new EngineFixtures.Pair(tls12Client().build(),
                EngineFixtures.server(EC).secureRenegotiationRequired(true).build());

        byte[] answer = serverAnswer(pair, hello -> {
            List<CipherSuite> suites = new ArrayList<>(hello.cipherSuites());
            suites.add(CipherSuite.TLS_EMPTY_RENEGOTIATION_INFO_SCSV);
            return withExtensions(hello, withoutRenegotiationInfo(hello.extensions(), List.of()), suites);
        });

        assertThat(pair.server.failure()).isEmpty();
        assertThat(firstServerHello(answer).extension(RenegotiationInfo.class).orElseThrow().renegotiatedConnection().isEmpty())
                .isTrue();
    }

    @Test
    void serverRefusesANonEmptyRenegotiatedConnectionInAnInitialClientHelloWithHandshakeFailureByDefault() {
        EngineFixtures.Pair pair = new EngineFixtures.Pair(tls12Client().build(), EngineFixtures.server(EC).build());

        byte[] answer = serverAnswer(pair, hello -> withExtensions(hello, withoutRenegotiationInfo(hello.extensions(),
                List.of(new RenegotiationInfo(Opaque.of(new byte[12])))), hello.cipherSuites()));

        assertRefusedWithHandshakeFailure(pair.server, Reason.INSECURE_RENEGOTIATION, answer);
    }

    // RFC 5746 §3.4: the client and the server's answer.

    @Test
    void clientByDefaultContinuesWithAServerHelloWithoutRenegotiationInfo() {
        EngineFixtures.Pair pair = new EngineFixtures.Pair(tls12Client().build(), EngineFixtures.server(EC).build());

        clientReadsServerHello(pair, dropping(e -> e instanceof RenegotiationInfo));

        assertThat(pair.client.failure()).isEmpty();
        assertThat(pair.client.state()).isEqualTo(ClientState.TLS12_WAIT_CCS);
    }

    @Test
    void clientRequiringTheSignalRefusesAServerHelloWithoutRenegotiationInfoWithHandshakeFailure() {
        EngineFixtures.Pair pair = new EngineFixtures.Pair(tls12Client().secureRenegotiationRequired(true).build(),
                EngineFixtures.server(EC).build());

        clientReadsServerHello(pair, dropping(e -> e instanceof RenegotiationInfo));

        assertRefusedWithHandshakeFailure(pair.client, Reason.INSECURE_RENEGOTIATION, pair.client.drainOutbound());
    }

    @Test
    void clientRefusesANonEmptyRenegotiatedConnectionInTheInitialServerHelloWithHandshakeFailureByDefault() {
        EngineFixtures.Pair pair = new EngineFixtures.Pair(tls12Client().build(), EngineFixtures.server(EC).build());

        clientReadsServerHello(pair, extensions -> withoutRenegotiationInfo(extensions,
                List.of(new RenegotiationInfo(Opaque.of(new byte[24])))));

        assertRefusedWithHandshakeFailure(pair.client, Reason.INSECURE_RENEGOTIATION, pair.client.drainOutbound());
    }

    /** The server's flight with its ServerHello's extensions replaced by what {@code rewrite} makes of them. */
    private static byte[] serverHelloRewritten(byte[] flight, UnaryOperator<List<Extension>> rewrite) {
        List<byte[]> records = new ArrayList<>(TestRecords.split(flight));
        ServerHello hello = Tls12Interceptor.serverHello(records.get(0));
        records.set(0, Tls12Interceptor.record(new ServerHello(hello.legacyVersion(), hello.random(), hello.legacySessionIdEcho(),
                hello.cipherSuite(), hello.legacyCompressionMethod(), rewrite.apply(hello.extensions()))));
        return Tls12Interceptor.join(records);
    }
}
