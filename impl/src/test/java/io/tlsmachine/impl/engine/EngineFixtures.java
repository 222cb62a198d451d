package io.tlsmachine.impl.engine;

import io.tlsmachine.TlsEngine;
import io.tlsmachine.TakenTransition;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.CertificateVerifier;
import io.tlsmachine.impl.certificate.issuing.CertificateKeyType;
import io.tlsmachine.impl.codec.ByteReader;
import io.tlsmachine.impl.codec.Opaque;
import io.tlsmachine.impl.codec.extension.Extension;
import io.tlsmachine.impl.codec.message.ClientHello;
import io.tlsmachine.impl.codec.message.DecodeContext;
import io.tlsmachine.impl.codec.message.HandshakeCodec;
import io.tlsmachine.model.analysis.Role;
import io.tlsmachine.impl.codec.types.ContentType;
import io.tlsmachine.TlsConfig;
import io.tlsmachine.TlsConfigBuilder;
import io.tlsmachine.impl.record.RecordWriter;
import io.tlsmachine.model.Transition;
import io.tlsmachine.testkit.TestPki;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builds test PKIs, configurations and back-to-back engine pairs, and checks traces against the model. */
final class EngineFixtures {

    static final String HOST = "server.test";
    static final TestPki.Hierarchy EC = new TestPki(seeded(1)).hierarchy("Engine EC", CertificateKeyType.EC_P256, HOST,
            Instant.now());
    static final TestPki.Hierarchy RSA = new TestPki(seeded(2)).hierarchy("Engine RSA", CertificateKeyType.RSA_2048, HOST,
            Instant.now());

    private EngineFixtures() {
    }

    /** Returns a deterministic generator: SHA1PRNG seeded before first use never mixes in system entropy. */
    static SecureRandom seeded(long seed) {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seed);
            return random;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static TlsConfigBuilder client(TestPki.Hierarchy pki) {
        return TlsConfig.builder().serverName(HOST).certificateVerifier(CertificateVerifier.pkix(pki.anchors()));
    }

    static TlsConfigBuilder server(TestPki.Hierarchy pki) {
        return TlsConfig.builder().certifiedKey(pki.certifiedLeaf());
    }

    /** A client and a server engine wired back to back, each recording its trace. */
    static final class Pair {
        final TlsEngine client;
        final TlsEngine server;
        final List<TakenTransition> clientTrace = new ArrayList<>();
        final List<TakenTransition> serverTrace = new ArrayList<>();
        final List<byte[]> clientToServer = new ArrayList<>();
        final List<byte[]> serverToClient = new ArrayList<>();

        Pair(TlsConfig clientConfig, TlsConfig serverConfig) {
            client = TlsEngine.client(clientConfig).addTransitionListener(clientTrace::add);
            server = TlsEngine.server(serverConfig).addTransitionListener(serverTrace::add);
        }

        /** Starts the client and moves bytes both ways until neither side has anything to send (bounded). */
        Pair handshake() {
            client.beginHandshake();
            return pump();
        }

        Pair pump() {
            for (int round = 0; round < 32; round++) {
                byte[] toServer = client.drainOutbound();
                byte[] toClient = server.drainOutbound();
                if (toServer.length == 0 && toClient.length == 0) {
                    return this;
                }
                if (toServer.length > 0) {
                    clientToServer.add(toServer);
                    server.feed(toServer);
                }
                if (toClient.length > 0) {
                    serverToClient.add(toClient);
                    client.feed(toClient);
                }
            }
            throw new AssertionError("the engines kept talking for 32 rounds");
        }

        void assertTracesArePathsOfTheModel() {
            assertPathOfModel(client, clientTrace);
            assertPathOfModel(server, serverTrace);
        }
    }

    /**
     * Plays an active attacker: decodes the ClientHello in one plaintext record, rewrites it, and returns the new
     * record (the server's transcript then differs from the client's).
     */
    static byte[] rewriteClientHello(byte[] record, java.util.function.UnaryOperator<ClientHello> rewrite) {
        ByteReader in = ByteReader.of(record);
        in.bytes("record header", 5);
        ClientHello original = (ClientHello) HandshakeCodec.decode(in.rest(), DecodeContext.beforeNegotiation(Role.CLIENT));
        return new RecordWriter().write(ContentType.HANDSHAKE, HandshakeCodec.encode(rewrite.apply(original)));
    }

    /** Returns {@code hello} with the extensions {@code drop} accepts removed and, if given, another session id. */
    static ClientHello withoutExtensions(ClientHello hello, java.util.function.Predicate<Extension> drop, Opaque sessionId) {
        return new ClientHello(hello.legacyVersion(), hello.random(), sessionId == null ? hello.legacySessionId() : sessionId,
                hello.cipherSuites(), hello.legacyCompressionMethods(),
                hello.extensions().stream().filter(drop.negate()).toList());
    }

    /** Checks that every recorded transition is declared by the engine's model and that they chain. */
    static void assertPathOfModel(TlsEngine engine, List<TakenTransition> trace) {
        String previous = engine.definition().initial().toString();
        for (TakenTransition taken : trace) {
            assertThat(taken.from().name()).as("trace %s starts where the previous step ended", trace).isEqualTo(previous);
            boolean declared = false;
            for (Transition<?, ?> t : engine.definition().transitions()) {
                if (t.from().name().equals(taken.from().name()) && t.input() == taken.input() && t.epoch() == taken.epoch()
                        && t.guard() == taken.guard() && t.to().name().equals(taken.to().name())) {
                    declared = true;
                    break;
                }
            }
            assertThat(declared).as("%s is a transition of the %s model", taken, engine.role()).isTrue();
            previous = taken.to().name();
        }
    }
}
