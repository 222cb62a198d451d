package io.tlsmachine.impl.engine;

import io.tlsmachine.TlsEngine;
import static io.tlsmachine.impl.engine.EngineFixtures.EC;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.impl.codec.ByteReader;
import io.tlsmachine.impl.codec.message.DecodeContext;
import io.tlsmachine.impl.codec.extension.KeyShareEntry;
import io.tlsmachine.impl.codec.extension.KeyShareOffer;
import io.tlsmachine.impl.codec.extension.SupportedGroups;
import io.tlsmachine.impl.codec.message.ClientHello;
import io.tlsmachine.impl.codec.message.HandshakeCodec;
import io.tlsmachine.AlertDescription;
import io.tlsmachine.impl.codec.types.NamedGroup;
import io.tlsmachine.KemShareRule;
import io.tlsmachine.TlsConfig;
import io.tlsmachine.KeyExchangeGroup;
import io.tlsmachine.Reason;
import io.tlsmachine.model.ProtocolVersion;
import io.tlsmachine.model.analysis.Role;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The post-quantum policy (issue 13): our client offers X25519MLKEM768 first with key shares for it and X25519,
 * our server prefers a hybrid group it shares and follows its {@link KemShareRule} when the client lists the
 * hybrid without a share, TLS 1.2 never uses a KEM group, and the grown ClientHello survives any framing.
 */
class PostQuantumNegotiationTest {

    @Test
    void clientOffersTheHybridFirstWithSharesForItAndX25519() {
        TlsEngine client = TlsEngine.client(EngineFixtures.client(EC).build());
        client.beginHandshake();
        ClientHello hello = clientHello(client.drainOutbound());

        assertThat(hello.extension(SupportedGroups.class).orElseThrow().groups()).containsExactly(
                NamedGroup.X25519_MLKEM768, NamedGroup.X25519, NamedGroup.SECP256R1, NamedGroup.SECP256R1_MLKEM768,
                NamedGroup.SECP384R1, NamedGroup.SECP384R1_MLKEM1024, NamedGroup.SECP521R1);
        assertThat(hello.extension(KeyShareOffer.class).orElseThrow().shares()).extracting(KeyShareEntry::group)
                .containsExactly(NamedGroup.X25519_MLKEM768, NamedGroup.X25519);
        // draft-ietf-tls-ecdhe-mlkem §3.1: 1216 bytes for X25519MLKEM768
        assertThat(hello.extension(KeyShareOffer.class).orElseThrow().shares().get(0).keyExchange().length()).isEqualTo(1216);
    }

    @Test
    void defaultClientAndServerNegotiateX25519Mlkem768WithoutARetry() {
        EngineFixtures.Pair pair = new EngineFixtures.Pair(EngineFixtures.client(EC).build(), EngineFixtures.server(EC).build())
                .handshake();

        assertConnected(pair, KeyExchangeGroup.X25519MLKEM768);
        assertThat(pair.server.facts().helloRetryRequested()).isFalse();
        pair.assertTracesArePathsOfTheModel();
    }

    @Test
    void serverTakesTheClassicalShareWhenTheHybridHasNoneByDefault() {
        TlsConfig client = hybridListedWithoutShare();
        EngineFixtures.Pair pair = new EngineFixtures.Pair(client, EngineFixtures.server(EC).build()).handshake();

        assertConnected(pair, KeyExchangeGroup.X25519);
        assertThat(pair.server.facts().helloRetryRequested()).isFalse();
    }

    @Test
    void serverAsksForTheHybridWithAHelloRetryRequestUnderTheRetryRule() {
        TlsConfig client = hybridListedWithoutShare();
        TlsConfig server = EngineFixtures.server(EC).kemShareRule(KemShareRule.RETRY_FOR_KEM).build();
        EngineFixtures.Pair pair = new EngineFixtures.Pair(client, server).handshake();

        assertConnected(pair, KeyExchangeGroup.X25519MLKEM768);
        assertThat(pair.server.facts().helloRetryRequested()).isTrue();
        assertThat(pair.client.facts().helloRetryRequested()).isTrue();
        pair.assertTracesArePathsOfTheModel();
    }

    @Test
    void retryRuleLeavesAClientThatSentTheHybridShareAlone() {
        TlsConfig server = EngineFixtures.server(EC).kemShareRule(KemShareRule.RETRY_FOR_KEM).build();
        EngineFixtures.Pair pair = new EngineFixtures.Pair(EngineFixtures.client(EC).build(), server).handshake();

        assertConnected(pair, KeyExchangeGroup.X25519MLKEM768);
        assertThat(pair.server.facts().helloRetryRequested()).isFalse();
    }

    @Test
    void serverPrefersTheHybridItSharesOverAnEarlierClassicalShare() {
        TlsConfig client = EngineFixtures.client(EC).groups(KeyExchangeGroup.X25519, KeyExchangeGroup.SECP256R1MLKEM768)
                .keyShareGroups(KeyExchangeGroup.X25519, KeyExchangeGroup.SECP256R1MLKEM768).build();
        EngineFixtures.Pair pair = new EngineFixtures.Pair(client, EngineFixtures.server(EC).build()).handshake();

        // our server's order: X25519MLKEM768, X25519, secp256r1, SecP256r1MLKEM768, ...: X25519 ranks first here
        assertConnected(pair, KeyExchangeGroup.X25519);
        TlsConfig hybridFirst = EngineFixtures.server(EC).groups(KeyExchangeGroup.SECP256R1MLKEM768, KeyExchangeGroup.X25519).build();
        assertConnected(new EngineFixtures.Pair(client, hybridFirst).handshake(), KeyExchangeGroup.SECP256R1MLKEM768);
    }

    @Test
    void everyHybridGroupConnectsOnItsOwn() {
        for (KeyExchangeGroup group : List.of(KeyExchangeGroup.X25519MLKEM768, KeyExchangeGroup.SECP256R1MLKEM768,
                KeyExchangeGroup.SECP384R1MLKEM1024, KeyExchangeGroup.MLKEM768, KeyExchangeGroup.MLKEM1024)) {
            TlsConfig client = EngineFixtures.client(EC).groups(group).build();
            TlsConfig server = EngineFixtures.server(EC).groups(group).build();
            assertConnected(new EngineFixtures.Pair(client, server).handshake(), group);
        }
    }

    @Test
    void tls12NeverNegotiatesAKemGroup() {
        TlsConfig client = EngineFixtures.client(EC).versions(ProtocolVersion.TLS12).build();
        EngineFixtures.Pair pair = new EngineFixtures.Pair(client, EngineFixtures.server(EC).build()).handshake();

        assertThat(pair.client.negotiated().orElseThrow().version()).isEqualTo(ProtocolVersion.TLS12);
        assertThat(pair.client.negotiated().orElseThrow().group()).contains(KeyExchangeGroup.X25519);
    }

    @Test
    void aPostQuantumOnlyClientAndAClassicalOnlyServerShareNothing() {
        TlsConfig client = EngineFixtures.client(EC).versions(ProtocolVersion.TLS13).groups(KeyExchangeGroup.X25519MLKEM768).build();
        TlsConfig server = EngineFixtures.server(EC).groups(KeyExchangeGroup.X25519, KeyExchangeGroup.SECP256R1).build();
        EngineFixtures.Pair pair = new EngineFixtures.Pair(client, server).handshake();

        assertThat(pair.server.failure().orElseThrow().reason()).isEqualTo(Reason.NO_COMMON_GROUP);
        assertThat(pair.client.receivedAlert().orElseThrow().description()).isEqualTo(AlertDescription.HANDSHAKE_FAILURE);
    }

    /**
     * A ClientHello with hybrid shares is over one MTU (1,446 bytes with the default two, about 2,700 with a
     * SecP256r1MLKEM768 share as well); re-framed into records of 300 bytes and fed to the server 97 bytes at a
     * time (RFC 8446 §5.1: a handshake message may span records), the handshake still completes.
     */
    @Test
    void clientHelloOverSeveralRecordsAndReadsIsAssembled() {
        TlsConfig client = EngineFixtures.client(EC).keyShareGroups(KeyExchangeGroup.X25519MLKEM768, KeyExchangeGroup.X25519,
                KeyExchangeGroup.SECP256R1MLKEM768).build();
        EngineFixtures.Pair pair = new EngineFixtures.Pair(client, EngineFixtures.server(EC).build());
        pair.client.beginHandshake();
        byte[] record = pair.client.drainOutbound();
        assertThat(record.length).isGreaterThan(1500);
        byte[] message = Arrays.copyOfRange(record, 5, record.length);
        java.io.ByteArrayOutputStream wire = new java.io.ByteArrayOutputStream();
        int records = 0;
        for (int at = 0; at < message.length; at += 300, records++) {
            wire.writeBytes(TestRecords.plaintext(22, Arrays.copyOfRange(message, at, Math.min(message.length, at + 300))));
        }
        byte[] bytes = wire.toByteArray();
        for (int at = 0; at < bytes.length; at += 97) {
            pair.server.feed(Arrays.copyOfRange(bytes, at, Math.min(bytes.length, at + 97)));
        }
        pair.pump();

        assertThat(records).isGreaterThanOrEqualTo(9);
        assertConnected(pair, KeyExchangeGroup.X25519MLKEM768);
    }

    /** A client that lists the hybrid first but sends a share for X25519 only. */
    private static TlsConfig hybridListedWithoutShare() {
        return EngineFixtures.client(EC).groups(KeyExchangeGroup.X25519MLKEM768, KeyExchangeGroup.X25519, KeyExchangeGroup.SECP256R1)
                .keyShareGroups(KeyExchangeGroup.X25519).build();
    }

    private static void assertConnected(EngineFixtures.Pair pair, KeyExchangeGroup group) {
        assertThat(pair.client.failure()).isEmpty();
        assertThat(pair.server.failure()).isEmpty();
        assertThat(pair.client.isHandshakeComplete() && pair.server.isHandshakeComplete()).isTrue();
        assertThat(pair.client.negotiated().orElseThrow().group()).contains(group);
        assertThat(pair.server.negotiated().orElseThrow().group()).contains(group);
    }

    private static ClientHello clientHello(byte[] record) {
        ByteReader in = ByteReader.of(record);
        in.bytes("record header", 5);
        return (ClientHello) HandshakeCodec.decode(in.rest(), DecodeContext.beforeNegotiation(Role.CLIENT));
    }
}
