package io.tlsmachine.bench.handshake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsmachine.CertificateVerifier;
import io.tlsmachine.KeyExchangeGroup;
import io.tlsmachine.TlsConfig;
import io.tlsmachine.model.ProtocolVersion;
import io.tlsmachine.testkit.TestPki;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Checks that the benchmark harness measures what it claims: every stack completes handshakes and transfers, and
 * the byte-count proofs tell a full handshake from a resumed one.
 */
class ConnectionPairTest {

    private static final TestPki.Hierarchy EC = BenchPki.hierarchy("ec");
    private static final int CHAIN = BenchPki.chainBytes(EC);

    /** The stacks whose in-memory pairs speak both versions and take a pinned suite (not BoringSSL: TLS 1.3 only). */
    private static final List<Stack> JSSE_AND_OURS = List.of(Stack.TLSMACHINE, Stack.SUNJSSE, Stack.BCJSSE, Stack.TLSMACHINE_JSSE);

    @Test
    void fullHandshakeOfEveryStackAndVersionCarriesTheServerChain() {
        for (Stack stack : Stack.values()) {
            for (String version : stack == Stack.BORINGSSL ? List.of("1.3") : List.of("1.3", "1.2")) {
                ConnectionPair pair = new PairFactory(stack, version, EC, null, false).newPair();
                pair.handshake();
                assertThat(pair.serverHandshakeBytes()).as("%s TLS %s", stack, version).isGreaterThanOrEqualTo(CHAIN);
                assertThat(pair.reportsResumed().orElse(false)).as("%s TLS %s", stack, version).isFalse();
                pair.release();
            }
        }
    }

    @Test
    void eachPostQuantumStackPassesTheProofOfTheGroupItWasSetUpForAndFailsTheOther() {
        for (Stack stack : List.of(Stack.TLSMACHINE, Stack.BCJSSE, Stack.BORINGSSL)) {
            for (BenchGroup group : BenchGroup.values()) {
                ConnectionPair pair = new PairFactory(stack, "1.3", EC, null, false, group).newPair();
                pair.handshake();
                BenchGroup other = group.hybrid() ? BenchGroup.X25519 : BenchGroup.X25519MLKEM768;
                assertThatCode(() -> new HandshakeProof(CHAIN, group).check(pair)).as("%s %s", stack, group)
                        .doesNotThrowAnyException();
                assertThatThrownBy(() -> new HandshakeProof(CHAIN, other).check(pair)).as("%s %s as %s", stack, group, other)
                        .isInstanceOf(IllegalStateException.class);
                pair.release();
            }
        }
    }

    @Test
    void aHybridHandshakeReachedThroughAHelloRetryRequestFailsTheProof() {
        TlsConfig client = TlsConfig.builder().versions(ProtocolVersion.TLS13).serverName(BenchPki.HOST)
                .certificateVerifier(CertificateVerifier.pkix(EC.anchors()))
                .groups(KeyExchangeGroup.X25519MLKEM768, KeyExchangeGroup.X25519).keyShareGroups(KeyExchangeGroup.X25519)
                .build();
        TlsConfig server = TlsConfig.builder().versions(ProtocolVersion.TLS13).certifiedKey(EC.certifiedLeaf())
                .groups(KeyExchangeGroup.X25519MLKEM768).build();
        EnginePair pair = new EnginePair(client, server);
        pair.handshake();
        assertThatThrownBy(() -> new HandshakeProof(CHAIN, BenchGroup.X25519MLKEM768).check(pair))
                .hasMessageContaining("HelloRetryRequest");
    }

    @Test
    void ourProviderNegotiatesTheGroupAskedForAndSunJsseRefusesTheHybrid() {
        for (BenchGroup group : BenchGroup.values()) {
            ConnectionPair pair = new PairFactory(Stack.TLSMACHINE_JSSE, "1.3", EC, null, false, group).newPair();
            pair.handshake();
            assertThatCode(() -> new HandshakeProof(CHAIN, group).check(pair)).as("%s", group).doesNotThrowAnyException();
        }
        assertThatThrownBy(() -> new PairFactory(Stack.SUNJSSE, "1.3", EC, null, false, BenchGroup.X25519MLKEM768))
                .hasMessageContaining("SunJSSE on Java 17 has no X25519MLKEM768");
    }

    @Test
    void jssePairsWithoutPeerHostNeverResumeEvenFromACachedSession() {
        for (Stack stack : List.of(Stack.SUNJSSE, Stack.BCJSSE, Stack.TLSMACHINE_JSSE)) {
            PairFactory factory = new PairFactory(stack, "1.2", EC, null, false);
            factory.newPair().handshake();
            ConnectionPair second = factory.newPair();
            second.handshake();
            assertThat(second.serverHandshakeBytes()).as("%s", stack).isGreaterThanOrEqualTo(CHAIN);
        }
    }

    @Test
    void resumedHandshakeSendsAtLeastHalfAChainLessAndOursSaysSo() {
        record Case(Stack stack, String version) {
        }
        for (Case c : List.of(new Case(Stack.TLSMACHINE, "1.3"), new Case(Stack.TLSMACHINE, "1.2"),
                new Case(Stack.SUNJSSE, "1.3"), new Case(Stack.SUNJSSE, "1.2"), new Case(Stack.BCJSSE, "1.2"),
                new Case(Stack.TLSMACHINE_JSSE, "1.3"), new Case(Stack.TLSMACHINE_JSSE, "1.2"))) {
            PairFactory factory = new PairFactory(c.stack(), c.version(), EC, null, true);
            ConnectionPair first = factory.newPair();
            first.handshake();
            ConnectionPair second = factory.newPair();
            second.handshake();
            assertThat(second.serverHandshakeBytes()).as("%s", c)
                    .isLessThanOrEqualTo(first.serverHandshakeBytes() - CHAIN / 2);
            assertThat(second.reportsResumed().orElse(true)).as("%s", c).isTrue();
        }
    }

    @Test
    void everyStackNegotiatesThePinnedSuiteAndDeliversAWhole16KiBWrite() {
        byte[] data = new byte[BulkBenchmark.WRITE];
        for (Stack stack : JSSE_AND_OURS) {
            for (String suite : List.of("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256")) {
                ConnectionPair pair = new PairFactory(stack, "1.3", EC, suite, false).newPair();
                pair.handshake();
                assertThat(pair.cipherSuite()).as("%s", stack).isEqualTo(suite);
                assertThat(pair.transfer(data)).as("%s %s", stack, suite).isEqualTo(data.length);
                assertThat(pair.transfer(data)).as("%s %s second write", stack, suite).isEqualTo(data.length);
            }
        }
    }

    @Test
    void bothModelRunnersReachConnectedAndStayThereOnTheBenchmarkedEvents() {
        for (String runner : List.of("table", "squirrel")) {
            ModelStepBenchmark benchmark = new ModelStepBenchmark();
            benchmark.runner = runner;
            assertThatCode(benchmark::setUp).as(runner).doesNotThrowAnyException();
            assertThat(benchmark.connectedEvent().to().name()).as(runner).isEqualTo("CONNECTED");
            assertThat(benchmark.handshakePath().name()).as(runner).isEqualTo("CONNECTED");
        }
    }
}
