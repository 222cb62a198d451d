package io.tlsmachine.jsse;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.impl.certificate.issuing.CertificateKeyType;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLEngineResult.Status;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SSLEngine contract, checked by doing the same thing to our engine and to the JDK's and comparing every
 * {@link SSLEngineResult} (status, handshake status, bytes consumed and produced): each is a client connected to the
 * same kind of JDK server with the same suite, so the server's records have the same lengths for both.
 */
@Timeout(60)
class SslEngineContractTest {
    private static final String TLS13_SUITE = "TLS_AES_128_GCM_SHA256";
    private static final String TLS12_SUITE = "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256";
    private static final int[] MESSAGE_SIZES = {100, 2000, 5, 16384, 20000};

    private final JssePki pki = new JssePki(CertificateKeyType.EC_P256);

    /** One result without its identity: what the contract defines. */
    record Step(Status status, HandshakeStatus handshake, int consumed, int produced) {
        static Step of(SSLEngineResult result) {
            return new Step(result.getStatus(), result.getHandshakeStatus(), result.bytesConsumed(), result.bytesProduced());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.3", "TLSv1.2"})
    void unwrapsCoalescedRecordsOneRecordPerCallLikeTheJdk(String protocol) throws Exception {
        assertThat(unwrapAll(connected(pki.ours(protocol), protocol), 1 << 16))
                .isEqualTo(unwrapAll(connected(pki.jdk(protocol), protocol), 1 << 16))
                .startsWith(new Step(Status.BUFFER_UNDERFLOW, HandshakeStatus.NOT_HANDSHAKING, 0, 0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.3", "TLSv1.2"})
    void unwrapsRecordsArrivingOneByteAtATimeLikeTheJdk(String protocol) throws Exception {
        assertThat(unwrapAll(connected(pki.ours(protocol), protocol), 1))
                .isEqualTo(unwrapAll(connected(pki.jdk(protocol), protocol), 1))
                .contains(new Step(Status.BUFFER_UNDERFLOW, HandshakeStatus.NOT_HANDSHAKING, 0, 0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.3", "TLSv1.2"})
    void reportsBufferOverflowForATinyApplicationBufferLikeTheJdk(String protocol) throws Exception {
        assertThat(unwrapIntoGrowingBuffer(connected(pki.ours(protocol), protocol)))
                .isEqualTo(unwrapIntoGrowingBuffer(connected(pki.jdk(protocol), protocol)))
                .contains(new Step(Status.BUFFER_OVERFLOW, HandshakeStatus.NOT_HANDSHAKING, 0, 0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.3", "TLSv1.2"})
    void wrapsOneRecordPerCallAndOverflowsATinyPacketBufferLikeTheJdk(String protocol) throws Exception {
        List<Step> ours = wrapAll(connected(pki.ours(protocol), protocol));
        // How much plaintext a record takes, and padding, are the sender's choice: compare statuses, and totals per message.
        assertThat(perMessage(ours)).isEqualTo(perMessage(wrapAll(connected(pki.jdk(protocol), protocol))));
        assertThat(ours).allSatisfy(step -> assertThat(step.consumed()).isLessThanOrEqualTo(16384))
                .allSatisfy(step -> assertThat(step.produced() - step.consumed()).isLessThanOrEqualTo(
                        TlsMachineSession.PACKET_BUFFER_SIZE - 16384));
    }

    /** Per message: the first wrap's status (into 10 bytes), then whether every later wrap was OK, and bytes consumed. */
    private static List<String> perMessage(List<Step> steps) {
        List<String> messages = new ArrayList<>();
        int index = 0;
        for (int size : MESSAGE_SIZES) {
            Step first = steps.get(index++);
            int consumed = first.consumed();
            boolean laterOk = true;
            while (consumed < size) {
                Step next = steps.get(index++);
                laterOk &= next.status() == Status.OK && next.handshake() == HandshakeStatus.NOT_HANDSHAKING;
                consumed += next.consumed();
            }
            messages.add(first.status() + "/" + first.handshake() + " then OK " + laterOk + ", consumed " + consumed);
        }
        return messages;
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.3", "TLSv1.2"})
    void startsAndClosesWithTheJdksStatuses(String protocol) throws Exception {
        assertThat(openingAndClosing(pki.ours(protocol), protocol)).isEqualTo(openingAndClosing(pki.jdk(protocol), protocol));
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.3", "TLSv1.2"})
    void closingInboundWithoutTheServersCloseNotifyFailsLikeTheJdk(String protocol) throws Exception {
        assertThat(closingInbound(pki.ours(protocol), protocol))
                .isEqualTo(closingInbound(pki.jdk(protocol), protocol))
                .containsExactly(true, true, Status.CLOSED);
    }

    /** Whether closeInbound threw SSLException, then isInboundDone, then the status of a later unwrap. */
    private List<Object> closingInbound(SSLContext clientContext, String protocol) throws SSLException {
        SSLEngine client = connected(clientContext, protocol).client.engine;
        boolean threw = false;
        try {
            client.closeInbound();
        } catch (SSLException expected) {
            threw = true;
        }
        return List.of(threw, client.isInboundDone(), client.unwrap(ByteBuffer.allocate(0), ByteBuffer.allocate(100)).getStatus());
    }

    private EnginePair connected(SSLContext clientContext, String protocol) throws SSLException {
        SSLEngine client = JdkEngineInteropTest.clientEngine(clientContext);
        client.setEnabledCipherSuites(new String[] {protocol.equals("TLSv1.3") ? TLS13_SUITE : TLS12_SUITE});
        client.setEnabledProtocols(new String[] {protocol});
        EnginePair pair = new EnginePair(client, JdkEngineInteropTest.serverEngine(pki.jdk(protocol)), false, false);
        pair.handshake();
        return pair;
    }

    /** The server's records for every message, coalesced in one buffer. */
    private static ByteBuffer serverRecords(EnginePair pair) throws SSLException {
        ByteBuffer records = ByteBuffer.allocate(1 << 17);
        ByteBuffer packet = ByteBuffer.allocate(pair.server.engine.getSession().getPacketBufferSize());
        for (int size : MESSAGE_SIZES) {
            ByteBuffer message = ByteBuffer.allocate(size);
            while (message.hasRemaining()) {
                packet.clear();
                pair.server.engine.wrap(message, packet);
                records.put(packet.flip());
            }
        }
        return records.flip();
    }

    /** Unwraps the server's coalesced records, handing the client {@code chunk} more bytes after each underflow. */
    private static List<Step> unwrapAll(EnginePair pair, int chunk) throws SSLException {
        ByteBuffer records = serverRecords(pair);
        ByteBuffer src = ByteBuffer.allocate(records.capacity());
        src.flip();
        ByteBuffer application = ByteBuffer.allocate(1 << 16);
        List<Step> steps = new ArrayList<>();
        while (true) {
            SSLEngineResult result = pair.client.engine.unwrap(src, application);
            steps.add(Step.of(result));
            application.clear();
            if (result.getStatus() == Status.BUFFER_UNDERFLOW) {
                if (!records.hasRemaining()) {
                    return steps;
                }
                src.compact();
                ByteBuffer more = records.duplicate();
                more.limit(more.position() + Math.min(chunk, records.remaining()));
                src.put(more);
                records.position(more.limit());
                src.flip();
            }
        }
    }

    /** Unwraps the server's records into an application buffer of 10 bytes that doubles on every overflow. */
    private static List<Step> unwrapIntoGrowingBuffer(EnginePair pair) throws SSLException {
        ByteBuffer src = serverRecords(pair);
        ByteBuffer application = ByteBuffer.allocate(10);
        List<Step> steps = new ArrayList<>();
        while (src.hasRemaining()) {
            SSLEngineResult result = pair.client.engine.unwrap(src, application);
            steps.add(Step.of(result));
            application = ByteBuffer.allocate(result.getStatus() == Status.BUFFER_OVERFLOW ? application.capacity() * 2 : 10);
        }
        return steps;
    }

    /** Wraps each message into a packet buffer of 10 bytes that grows to the session's packet size on overflow. */
    private static List<Step> wrapAll(EnginePair pair) throws SSLException {
        List<Step> steps = new ArrayList<>();
        for (int size : MESSAGE_SIZES) {
            ByteBuffer message = ByteBuffer.allocate(size);
            ByteBuffer packet = ByteBuffer.allocate(10);
            while (message.hasRemaining()) {
                SSLEngineResult result = pair.client.engine.wrap(message, packet);
                steps.add(Step.of(result));
                packet = ByteBuffer.allocate(pair.client.engine.getSession().getPacketBufferSize());
            }
        }
        return steps;
    }

    /** The handshake statuses before and at the start, and the results of closing the outbound side after the handshake. */
    private List<Object> openingAndClosing(SSLContext clientContext, String protocol) throws SSLException {
        List<Object> seen = new ArrayList<>();
        SSLEngine fresh = JdkEngineInteropTest.clientEngine(clientContext);
        seen.add(fresh.getHandshakeStatus());
        fresh.beginHandshake();
        seen.add(fresh.getHandshakeStatus());
        SSLEngine server = JdkEngineInteropTest.serverEngine(pki.jdk(protocol));
        server.beginHandshake();
        seen.add(server.getHandshakeStatus());
        seen.add(fresh.unwrap(ByteBuffer.allocate(0), ByteBuffer.allocate(100)).getStatus());

        EnginePair pair = connected(clientContext, protocol);
        SSLEngine client = pair.client.engine;
        client.closeOutbound();
        seen.add(client.getHandshakeStatus());
        seen.add(client.isOutboundDone());
        SSLEngineResult closing = client.wrap(ByteBuffer.allocate(0), ByteBuffer.allocate(client.getSession().getPacketBufferSize()));
        seen.add(closing.getStatus());
        seen.add(client.isOutboundDone());
        seen.add(client.wrap(ByteBuffer.allocate(5), ByteBuffer.allocate(client.getSession().getPacketBufferSize())).getStatus());
        return seen;
    }
}
