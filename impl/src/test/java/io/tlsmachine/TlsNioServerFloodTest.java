package io.tlsmachine;

import static io.tlsmachine.NioTestPeers.connect;
import static io.tlsmachine.NioTestPeers.handshake;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.NioTestPeers.Peer;
import io.tlsmachine.impl.codec.ByteReader;
import io.tlsmachine.impl.codec.extension.Extension;
import io.tlsmachine.impl.codec.extension.KeyShareOffer;
import io.tlsmachine.impl.codec.message.ClientHello;
import io.tlsmachine.impl.codec.message.DecodeContext;
import io.tlsmachine.impl.codec.message.HandshakeCodec;
import io.tlsmachine.impl.codec.message.HelloRetryRequest;
import io.tlsmachine.model.analysis.Role;
import io.tlsmachine.impl.codec.types.ContentType;
import io.tlsmachine.impl.crypto.AeadAlgorithm;
import io.tlsmachine.impl.crypto.HashAlgorithm;
import io.tlsmachine.impl.crypto.Secret;
import io.tlsmachine.impl.keyschedule.Tls13Hkdf;
import io.tlsmachine.impl.keyschedule.TrafficSecret;
import io.tlsmachine.impl.record.RecordWriter;
import io.tlsmachine.impl.record.Tls13AeadProtection;
import io.tlsmachine.model.Epoch;
import io.tlsmachine.model.ProtocolVersion;
import io.tlsmachine.impl.codec.types.VersionCode;
import io.tlsmachine.impl.crypto.providers.CryptoProviders;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Floods against the whole selector server, each ending in a bounded, specific outcome while a well-behaved client is
 * still served: ClientHellos that force a HelloRetryRequest (on one connection and on many), KeyUpdate and empty-record
 * floods after a TLS 1.3 handshake, warning alerts and empty records in a TLS 1.2 handshake, and renegotiation (a TLS
 * 1.2 ClientHello after the handshake, from the JDK's client; our client's answer to a HelloRequest is
 * RenegotiationRefusalTest's). Where the engine's own limits on repeated KeyUpdates,
 * empty records and warning alerts decide between "answered" and "closed with an alert", the test accepts both and
 * asserts what holds either way: the bytes we get back are bounded by what we sent, at most one alert ends the
 * connection, and the flood costs bounded time.
 */
class TlsNioServerFloodTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private TlsNioServer server;

    @BeforeEach
    void start() throws IOException {
        server = TlsNioServer.start(NioTestPeers.loopback(0), NioTestPeers.serverConfig(), TlsNioServerTest.ECHO,
                new TlsServer.Observer() { }, NioLimits.defaults());
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    // RFC 8446 §4.1.4: a server sends at most one HelloRetryRequest; the second ClientHello must answer it, and one that
    // still has no share for the selected group is illegal_parameter (§4.2.8: "the client MUST ... send a new
    // ClientHello" whose key_share holds that group).
    @Test
    void aClientHelloRepeatedAfterTheRetryEndsInOneIllegalParameterAlert() throws Exception {
        byte[] hello = clientHelloWithoutKeyShares();
        try (Socket socket = connect(server.port(), TIMEOUT)) {
            socket.getOutputStream().write(hello);
            List<byte[]> retry = readRecords(socket.getInputStream(), 1);
            assertThat(isHelloRetryRequest(retry.get(0))).as("the first answer is a HelloRetryRequest").isTrue();
            socket.getOutputStream().write(hello);
            List<byte[]> rest = recordsUntilClose(socket.getInputStream());
            List<byte[]> alerts = rest.stream().filter(r -> r[0] == ContentType.ALERT.code()).toList();
            assertThat(alerts).as("exactly one alert, then the close").hasSize(1);
            assertThat(alerts.get(0)).as("fatal illegal_parameter").containsExactly(21, 3, 3, 0, 2, 2,
                    AlertDescription.ILLEGAL_PARAMETER.code());
        }
        assertAWellBehavedPeerIsServedPromptly();
    }

    /** Each of many connections gets exactly one HelloRetryRequest for its ClientHello; nothing accumulates. */
    @Test
    void aFloodOfRetryProvokingClientHellosGetsOneRetryEachWhileOthersAreServed() throws Exception {
        byte[] hello = clientHelloWithoutKeyShares();
        long start = System.nanoTime();
        for (int i = 0; i < 300; i++) {
            try (Socket socket = connect(server.port(), TIMEOUT)) {
                socket.getOutputStream().write(hello);
                byte[] retry = readRecords(socket.getInputStream(), 1).get(0);
                assertThat(isHelloRetryRequest(retry)).as("connection %d: a HelloRetryRequest", i).isTrue();
                assertThat(retry.length).as("a retry is small: no amplification").isLessThan(2 * hello.length);
            }
            if (i % 100 == 99) {
                assertAWellBehavedPeerIsServedPromptly();
            }
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("300 retries").isLessThan(Duration.ofSeconds(60));
        awaitOpenConnections(0);
    }

    // RFC 8446 §4.6.3: the server may answer several update_requested KeyUpdates with one of its own, and may bound how
    // many it answers; either way it never sends more KeyUpdates than it was sent.
    @Test
    void aKeyUpdateFloodIsAnsweredAtMostOnceEachOrEndsWithOneAlert() throws Exception {
        Peer peer = handshake(server.port(), TIMEOUT);
        int updates = 2_000;
        try (Socket socket = peer.socket()) {
            for (int i = 0; i < updates; i++) {
                peer.engine().requestKeyUpdate();
            }
            byte[] ping = "ping".getBytes(StandardCharsets.US_ASCII);
            peer.engine().writeApplicationData(ping); // under our latest key: the echo shows the server kept up
            byte[] flood = peer.engine().drainOutbound();
            Thread writer = writeInBackground(socket, flood);
            Outcome outcome = readThroughEngine(peer, ping.length);
            writer.join(TIMEOUT.toMillis());
            // A sealed KeyUpdate is 5 + 5 + 1 + 16 bytes: what came back is at most one per KeyUpdate sent, and the echo.
            assertThat(outcome.bytesReceived()).as("bytes back for %d KeyUpdates", updates)
                    .isLessThanOrEqualTo(updates * 27L + 64);
            if (outcome.alert() == null) {
                assertThat(peer.engine().isFailed()).as("no failure without an alert: %s", peer.engine().failure()).isFalse();
                assertThat(new String(outcome.applicationData(), StandardCharsets.US_ASCII)).as("the echo after the flood")
                        .isEqualTo("ping");
            } else {
                assertThat(peer.engine().isFailed() || peer.engine().isClosed()).as("ended by the server's alert").isTrue();
            }
        }
        assertAWellBehavedPeerIsServedPromptly();
    }

    /**
     * RFC 8446 §5.4 allows zero-length application data records; a flood of them costs the server only reading them
     * (w5-conform bounds their number in the engine): nothing comes back but the echo or one alert.
     */
    @Test
    void anEmptyRecordFloodAfterTheHandshakeGetsNothingBackButTheEchoOrOneAlert() throws Exception {
        CapturedSecrets secrets = new CapturedSecrets();
        TlsConfig config = TlsConfig.builder().serverName(NioTestPeers.HOST)
                .certificateVerifier(io.tlsmachine.CertificateVerifier.pkix(NioTestPeers.PKI.anchors()))
                .versions(ProtocolVersion.TLS13).cipherSuites(CipherSuite.TLS_AES_128_GCM_SHA256).keyLog(secrets).build();
        Peer peer = handshake(server.port(), TIMEOUT, config);
        int empties = 50_000;
        try (Socket socket = peer.socket()) {
            Tls13AeadProtection clientWrite = secrets.clientApplicationProtection();
            ByteArrayOutputStream flood = new ByteArrayOutputStream();
            for (int i = 0; i < empties; i++) {
                flood.writeBytes(clientWrite.seal(ContentType.APPLICATION_DATA, VersionCode.TLS12,
                        new byte[0], 0, 0, 0));
            }
            byte[] ping = "ping".getBytes(StandardCharsets.US_ASCII);
            flood.writeBytes(clientWrite.seal(ContentType.APPLICATION_DATA, VersionCode.TLS12,
                    ping, 0, ping.length, 0));
            long start = System.nanoTime();
            Thread writer = writeInBackground(socket, flood.toByteArray());
            Outcome outcome = readThroughEngine(peer, ping.length);
            writer.join(TIMEOUT.toMillis());
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("%d empty records", empties)
                    .isLessThan(Duration.ofSeconds(20));
            if (outcome.alert() == null) {
                assertThat(new String(outcome.applicationData(), StandardCharsets.US_ASCII)).as("the echo after the flood")
                        .isEqualTo("ping");
            } else {
                assertThat(outcome.applicationData()).as("nothing echoed once the limit closed the connection").isEmpty();
            }
            assertThat(outcome.bytesReceived()).as("only the echo or one alert comes back").isLessThan(64);
        }
        assertAWellBehavedPeerIsServedPromptly();
    }

    // RFC 5246 §7.2: warning alerts do not end a TLS 1.2 connection by themselves; a server may still bound them
    // (w5-conform does, in the engine). Either the handshake completes after the flood, or one fatal alert ends it.
    @Test
    void aFloodOfWarningAlertsInATls12HandshakeEndsInTheHandshakeOrOneAlert() throws Exception {
        byte[] userCanceled = {21, 3, 3, 0, 2, 1, 90};
        floodDuringTls12Handshake(userCanceled, 10_000);
        assertAWellBehavedPeerIsServedPromptly();
    }

    // RFC 5246 §6.2.1: "Implementations MUST NOT send zero-length fragments of Handshake, Alert, or ChangeCipherSpec
    // content types"; receiving them is at worst a bounded amount of reading.
    @Test
    void aFloodOfEmptyHandshakeRecordsInATls12HandshakeEndsInTheHandshakeOrOneAlert() throws Exception {
        byte[] emptyHandshake = {22, 3, 3, 0, 0};
        floodDuringTls12Handshake(emptyHandshake, 10_000);
        assertAWellBehavedPeerIsServedPromptly();
    }

    /**
     * Our TLS 1.2 client sends its ClientHello and reads the server's first flight, then {@code count} copies of
     * {@code record} go out before its key exchange and Finished; the server must either complete the handshake (and
     * echo) or end the connection with exactly one fatal alert, within bounded time.
     */
    private void floodDuringTls12Handshake(byte[] record, int count) throws IOException, InterruptedException {
        TlsConfig config = TlsConfig.builder().serverName(NioTestPeers.HOST)
                .certificateVerifier(io.tlsmachine.CertificateVerifier.pkix(NioTestPeers.PKI.anchors()))
                .versions(ProtocolVersion.TLS12).build();
        Peer peer = new Peer(connect(server.port(), TIMEOUT), TlsEngine.client(config));
        try (Socket socket = peer.socket()) {
            peer.engine().beginHandshake();
            peer.flush();
            byte[] buffer = new byte[1 << 15];
            while (peer.engine().outboundPending() == 0 && !peer.engine().isFailed()) {
                assertThat(peer.readOnce(buffer)).as("the server's first flight").isTrue();
            }
            ByteArrayOutputStream flood = new ByteArrayOutputStream();
            for (int i = 0; i < count; i++) {
                flood.writeBytes(record);
            }
            long start = System.nanoTime();
            Thread writer = writeInBackground(socket, flood.toByteArray());
            writer.join(TIMEOUT.toMillis());
            try {
                peer.flush(); // the key exchange, change_cipher_spec and Finished, after the flood
            } catch (java.net.SocketException closedByTheServer) {
                // It ended the connection during the flood: its alert is still to be read.
            }
            byte[] ping = "ping".getBytes(StandardCharsets.US_ASCII);
            Outcome outcome;
            if (awaitHandshakeOrEnd(peer, buffer)) {
                peer.engine().writeApplicationData(ping);
                peer.flush();
                outcome = readThroughEngine(peer, ping.length);
            } else {
                outcome = new Outcome(0, new byte[0], peer.engine().receivedAlert().orElse(null));
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("%d records", count).isLessThan(Duration.ofSeconds(20));
            if (outcome.alert() == null) {
                assertThat(peer.engine().isHandshakeComplete()).as("handshake after the flood: %s", peer.engine().state())
                        .isTrue();
                assertThat(new String(outcome.applicationData(), StandardCharsets.US_ASCII)).isEqualTo("ping");
            } else {
                assertThat(outcome.alert().level().code()).as("a fatal alert ends it: %s", outcome.alert()).isEqualTo(2);
                assertThat(peer.engine().isHandshakeComplete()).isFalse();
            }
        }
    }

    /** Reads until the handshake is complete (true) or the connection failed or closed (false). */
    private static boolean awaitHandshakeOrEnd(Peer peer, byte[] buffer) throws IOException {
        while (!peer.engine().isHandshakeComplete()) {
            try {
                if (peer.engine().isFailed() || peer.engine().isClosed() || !peer.readOnce(buffer)) {
                    return false;
                }
                peer.flush();
            } catch (java.net.SocketException reset) {
                return false;
            }
        }
        return true;
    }

    // RFC 5246 §7.4.1.2 and §7.2.2: a server that does not renegotiate answers a ClientHello after the handshake with a
    // no_renegotiation warning (the model's CONNECTED --CLIENT_HELLO--> CONNECTED, one alert per ClientHello, never a
    // new handshake); the JDK's client then gives up the connection.
    @Test
    void aTls12RenegotiationFromTheJdkClientIsRefusedWithOneNoRenegotiationWarning() throws Exception {
        javax.net.ssl.SSLSocket socket = (javax.net.ssl.SSLSocket) jdkClientContext().getSocketFactory()
                .createSocket(java.net.InetAddress.getLoopbackAddress(), server.port());
        try (socket) {
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            socket.setEnabledProtocols(new String[] {"TLSv1.2"});
            socket.startHandshake();
            socket.getOutputStream().write("ping".getBytes(StandardCharsets.US_ASCII));
            assertThat(new String(socket.getInputStream().readNBytes(4), StandardCharsets.US_ASCII)).isEqualTo("ping");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> {
                socket.startHandshake(); // TLS 1.2: a new ClientHello under the connection's keys
                socket.getOutputStream().write("again".getBytes(StandardCharsets.US_ASCII));
                socket.getInputStream().read();
            }).isInstanceOf(javax.net.ssl.SSLException.class).hasMessageContaining("no_renegotiation");
        }
        awaitOpenConnections(0);
        assertAWellBehavedPeerIsServedPromptly();
    }

    private static javax.net.ssl.SSLContext jdkClientContext() throws Exception {
        java.security.KeyStore anchors = java.security.KeyStore.getInstance("PKCS12");
        anchors.load(null, null);
        anchors.setCertificateEntry("root", NioTestPeers.PKI.root().certificate());
        javax.net.ssl.TrustManagerFactory trust = javax.net.ssl.TrustManagerFactory.getInstance(
                javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        trust.init(anchors);
        javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    /** Runs until the close, or until {@code expectedApplicationBytes} arrived or the peer got an alert. */
    private static Outcome readThroughEngine(Peer peer, int expectedApplicationBytes) throws IOException {
        byte[] buffer = new byte[1 << 15];
        long received = 0;
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        InputStream in = peer.socket().getInputStream();
        while (!peer.engine().isFailed() && !peer.engine().isClosed() && data.size() < expectedApplicationBytes) {
            int n;
            try {
                n = in.read(buffer);
            } catch (SocketTimeoutException quiet) {
                break;
            } catch (java.net.SocketException reset) {
                break;
            }
            if (n < 0) {
                break;
            }
            received += n;
            peer.engine().feed(Arrays.copyOf(buffer, n));
            data.writeBytes(peer.engine().readApplicationData());
        }
        return new Outcome(received, data.toByteArray(), peer.engine().receivedAlert().orElse(null));
    }

    record Outcome(long bytesReceived, byte[] applicationData, io.tlsmachine.Alert alert) {
    }

    private static Thread writeInBackground(Socket socket, byte[] bytes) {
        Thread writer = new Thread(() -> {
            try {
                socket.getOutputStream().write(bytes);
            } catch (IOException closedByServer) {
                // The server closed (a limit): what it sent is checked by the reader.
            }
        }, "flood writer");
        writer.setDaemon(true);
        writer.start();
        return writer;
    }

    /** A real ClientHello of our client with an empty client_shares: RFC 8446 §4.2.8 makes the server retry. */
    static byte[] clientHelloWithoutKeyShares() {
        TlsEngine client = TlsEngine.client(NioTestPeers.clientConfig());
        client.beginHandshake();
        byte[] record = client.drainOutbound();
        ByteReader in = ByteReader.of(record);
        in.bytes("record header", 5);
        ClientHello hello = (ClientHello) HandshakeCodec.decode(in.rest(), DecodeContext.beforeNegotiation(Role.CLIENT));
        List<Extension> extensions = new ArrayList<>();
        for (Extension extension : hello.extensions()) {
            extensions.add(extension instanceof KeyShareOffer ? new KeyShareOffer(List.of()) : extension);
        }
        ClientHello withoutShares = new ClientHello(hello.legacyVersion(), hello.random(), hello.legacySessionId(),
                hello.cipherSuites(), hello.legacyCompressionMethods(), extensions);
        return new RecordWriter().write(ContentType.HANDSHAKE, HandshakeCodec.encode(withoutShares));
    }

    static boolean isHelloRetryRequest(byte[] record) {
        // Record header, handshake header (server_hello), legacy_version, then the special random.
        return record[0] == ContentType.HANDSHAKE.code() && record[5] == 2
                && Arrays.equals(Arrays.copyOfRange(record, 11, 43), HelloRetryRequest.RANDOM.toByteArray());
    }

    /** Reads {@code count} whole records (change_cipher_spec records skipped). */
    static List<byte[]> readRecords(InputStream in, int count) throws IOException {
        List<byte[]> records = new ArrayList<>();
        while (records.size() < count) {
            byte[] header = in.readNBytes(5);
            if (header.length < 5) {
                throw new IOException("closed after " + records.size() + " records");
            }
            byte[] body = in.readNBytes(((header[3] & 0xFF) << 8) | (header[4] & 0xFF));
            byte[] record = concat(header, body);
            if (record[0] != ContentType.CHANGE_CIPHER_SPEC.code()) {
                records.add(record);
            }
        }
        return records;
    }

    /** Reads records until the server closes (a reset after our unread bytes counts as the close). */
    static List<byte[]> recordsUntilClose(InputStream in) throws IOException {
        List<byte[]> records = new ArrayList<>();
        try {
            while (true) {
                byte[] header = in.readNBytes(5);
                if (header.length < 5) {
                    return records;
                }
                records.add(concat(header, in.readNBytes(((header[3] & 0xFF) << 8) | (header[4] & 0xFF))));
            }
        } catch (java.net.SocketException reset) {
            return records;
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private void assertAWellBehavedPeerIsServedPromptly() throws IOException {
        long start = System.nanoTime();
        Peer peer = handshake(server.port(), TIMEOUT);
        try (Socket socket = peer.socket()) {
            assertThat(new String(peer.echo("ping".getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8))
                    .isEqualTo("ping");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("a well-behaved client's handshake and echo")
                .isLessThan(Duration.ofSeconds(3));
    }

    private void awaitOpenConnections(int expected) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (server.openConnections() != expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(server.openConnections()).isEqualTo(expected);
    }

    /** Keeps the TLS 1.3 traffic secrets our client logs, to seal records it would never send. */
    static final class CapturedSecrets implements KeyLog {
        private final Map<KeyLogLabel, byte[]> secrets = new EnumMap<>(KeyLogLabel.class);

        @Override
        public synchronized void log(KeyLogLabel label, byte[] clientRandom, byte[] secret) {
            secrets.put(label, secret);
        }

        @Override
        public boolean enabled() {
            return true;
        }

        /** The client's first application write protection (TLS_AES_128_GCM_SHA256), at sequence 0. */
        synchronized Tls13AeadProtection clientApplicationProtection() {
            TrafficSecret secret = TrafficSecret.of(new Tls13Hkdf(CryptoProviders.fastest(), HashAlgorithm.SHA256),
                    Secret.copyOf(secrets.get(KeyLogLabel.CLIENT_TRAFFIC_SECRET_0)));
            return Tls13AeadProtection.create(Epoch.APPLICATION, CryptoProviders.fastest(),
                    secret.trafficKeys(AeadAlgorithm.AES_128_GCM));
        }
    }
}
