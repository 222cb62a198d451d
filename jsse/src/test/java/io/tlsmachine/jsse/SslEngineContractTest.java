package io.tlsmachine.jsse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

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
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The SSLEngine contract, checked by doing the same thing to our engine and to the JDK's and comparing every
 * {@link SSLEngineResult} (status, handshake status, bytes consumed and produced). The engine under test is the
 * client of a JDK server or the server of a JDK client, with one suite, so the peer's records have the same lengths
 * for both; the situations are records coalesced in one huge buffer, arriving one byte at a time, a tiny
 * application or packet buffer, a huge or scattered source, and the opening and closing of the connection.
 */
@Timeout(60)
class SslEngineContractTest {
    private static final String TLS13_SUITE = "TLS_AES_128_GCM_SHA256";
    private static final String TLS12_SUITE = "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256";
    private static final int[] MESSAGE_SIZES = {100, 2000, 5, 16384, 20000};

    private final JssePki pki = new JssePki(CertificateKeyType.EC_P256);

    /** Whether the engine under test is the client (of a JDK server) or the server (of a JDK client). */
    enum Role { CLIENT, SERVER }

    /** One result without its identity: what the contract defines. */
    record Step(Status status, HandshakeStatus handshake, int consumed, int produced) {
        static Step of(SSLEngineResult result) {
            return new Step(result.getStatus(), result.getHandshakeStatus(), result.bytesConsumed(), result.bytesProduced());
        }

        /** The result without the bytes produced, whose count is the sender's choice (record size, padding). */
        Step withoutProduced() {
            return new Step(status, handshake, consumed, 0);
        }
    }

    /** A connected pair: the engine under test and its JDK peer. */
    record Connected(SSLEngine tested, SSLEngine peer) {
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"TLSv1.3, CLIENT", "TLSv1.2, CLIENT", "TLSv1.3, SERVER", "TLSv1.2, SERVER"})
    void unwrapsCoalescedRecordsFromAHugeBufferOneRecordPerCallLikeTheJdk(String protocol, Role role) throws Exception {
        assertThat(unwrapAll(connected(pki.ours(protocol), protocol, role), 1 << 17))
                .isEqualTo(unwrapAll(connected(pki.jdk(protocol), protocol, role), 1 << 17))
                .startsWith(new Step(Status.BUFFER_UNDERFLOW, HandshakeStatus.NOT_HANDSHAKING, 0, 0));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"TLSv1.3, CLIENT", "TLSv1.2, CLIENT", "TLSv1.3, SERVER", "TLSv1.2, SERVER"})
    void unwrapsRecordsArrivingOneByteAtATimeLikeTheJdk(String protocol, Role role) throws Exception {
        assertThat(unwrapAll(connected(pki.ours(protocol), protocol, role), 1))
                .isEqualTo(unwrapAll(connected(pki.jdk(protocol), protocol, role), 1))
                .contains(new Step(Status.BUFFER_UNDERFLOW, HandshakeStatus.NOT_HANDSHAKING, 0, 0));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"TLSv1.3, CLIENT", "TLSv1.2, CLIENT", "TLSv1.3, SERVER", "TLSv1.2, SERVER"})
    void reportsBufferOverflowForATinyApplicationBufferLikeTheJdk(String protocol, Role role) throws Exception {
        assertThat(unwrapIntoGrowingBuffer(connected(pki.ours(protocol), protocol, role)))
                .isEqualTo(unwrapIntoGrowingBuffer(connected(pki.jdk(protocol), protocol, role)))
                .contains(new Step(Status.BUFFER_OVERFLOW, HandshakeStatus.NOT_HANDSHAKING, 0, 0));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"TLSv1.3, CLIENT", "TLSv1.2, CLIENT", "TLSv1.3, SERVER", "TLSv1.2, SERVER"})
    void wrapsOneRecordPerCallAndOverflowsATinyPacketBufferLikeTheJdk(String protocol, Role role) throws Exception {
        List<Step> ours = wrapAll(connected(pki.ours(protocol), protocol, role));
        // How much plaintext a record takes, and padding, are the sender's choice: compare statuses, and totals per message.
        assertThat(perMessage(ours)).isEqualTo(perMessage(wrapAll(connected(pki.jdk(protocol), protocol, role))));
        assertThat(ours).allSatisfy(step -> assertThat(step.consumed()).isLessThanOrEqualTo(16384))
                .allSatisfy(step -> assertThat(step.produced() - step.consumed()).isLessThanOrEqualTo(
                        TlsMachineSession.PACKET_BUFFER_SIZE - 16384));
    }

    /** How much plaintext one record takes is the sender's choice (the JDK's TLS 1.3 records take 16367 bytes). */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"TLSv1.3, CLIENT", "TLSv1.2, CLIENT", "TLSv1.3, SERVER", "TLSv1.2, SERVER"})
    void wrapsAHugeScatteredSourceARecordAtATimeLikeTheJdk(String protocol, Role role) throws Exception {
        List<Step> ours = wrapScattered(connected(pki.ours(protocol), protocol, role));
        List<Step> jdk = wrapScattered(connected(pki.jdk(protocol), protocol, role));

        assertThat(ours).extracting(Step::status, Step::handshake).containsOnly(tuple(Status.OK, HandshakeStatus.NOT_HANDSHAKING));
        assertThat(jdk).extracting(Step::status, Step::handshake).containsOnly(tuple(Status.OK, HandshakeStatus.NOT_HANDSHAKING));
        assertThat(ours.stream().mapToInt(Step::consumed).sum()).isEqualTo(jdk.stream().mapToInt(Step::consumed).sum())
                .isEqualTo(100_000);
        assertThat(ours).first().isEqualTo(new Step(Status.OK, HandshakeStatus.NOT_HANDSHAKING, 16384, 0));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"TLSv1.3, CLIENT", "TLSv1.2, CLIENT", "TLSv1.3, SERVER", "TLSv1.2, SERVER"})
    void startsAndClosesWithTheJdksStatuses(String protocol, Role role) throws Exception {
        assertThat(openingAndClosing(pki.ours(protocol), protocol, role))
                .isEqualTo(openingAndClosing(pki.jdk(protocol), protocol, role));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"TLSv1.3, CLIENT", "TLSv1.2, CLIENT", "TLSv1.3, SERVER", "TLSv1.2, SERVER"})
    void closingInboundWithoutThePeersCloseNotifyFailsLikeTheJdk(String protocol, Role role) throws Exception {
        assertThat(closingInbound(pki.ours(protocol), protocol, role))
                .isEqualTo(closingInbound(pki.jdk(protocol), protocol, role))
                .containsExactly(true, true, Status.CLOSED);
    }

    /** TLS 1.2 (RFC 5246 §7.2.1): the peer's close_notify is answered with ours at once, by both engines. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"CLIENT", "SERVER"})
    void answersThePeersCloseNotifyLikeTheJdkInTls12(Role role) throws Exception {
        assertThat(peerClosingFirst(pki.ours("TLSv1.2"), "TLSv1.2", role))
                .isEqualTo(peerClosingFirst(pki.jdk("TLSv1.2"), "TLSv1.2", role))
                .containsExactly(Status.CLOSED, HandshakeStatus.NEED_WRAP, true, true, false,
                        Status.CLOSED, HandshakeStatus.NOT_HANDSHAKING, true, true);
    }

    /**
     * TLS 1.3 (RFC 8446 §6.1) lets a side keep writing after the peer's close_notify; the JDK does, ours answers
     * at once, closing both directions (a documented limit): the results differ only there.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"CLIENT", "SERVER"})
    void answersThePeersCloseNotifyAtOnceInTls13WhereTheJdkHalfCloses(Role role) throws Exception {
        assertThat(peerClosingFirst(pki.ours("TLSv1.3"), "TLSv1.3", role)).containsExactly(Status.CLOSED,
                HandshakeStatus.NEED_WRAP, true, true, false, Status.CLOSED, HandshakeStatus.NOT_HANDSHAKING, true, true);
        assertThat(peerClosingFirst(pki.jdk("TLSv1.3"), "TLSv1.3", role)).containsExactly(Status.CLOSED,
                HandshakeStatus.NOT_HANDSHAKING, true, true, false, Status.OK, HandshakeStatus.NOT_HANDSHAKING, false, false);
    }

    /** Whether closeInbound threw SSLException, then isInboundDone, then the status of a later unwrap. */
    private List<Object> closingInbound(SSLContext context, String protocol, Role role) throws SSLException {
        SSLEngine tested = connected(context, protocol, role).tested();
        boolean threw = false;
        try {
            tested.closeInbound();
        } catch (SSLException expected) {
            threw = true;
        }
        return List.of(threw, tested.isInboundDone(), tested.unwrap(ByteBuffer.allocate(0), ByteBuffer.allocate(100)).getStatus());
    }

    /**
     * The peer closes first: the status and handshake status of the tested engine's unwrap of the close_notify,
     * whether it consumed the whole record, isInboundDone, isOutboundDone; then its wrap's status and handshake
     * status, whether it produced bytes (its own close_notify), and isOutboundDone.
     */
    private List<Object> peerClosingFirst(SSLContext context, String protocol, Role role) throws SSLException {
        Connected connected = connected(context, protocol, role);
        connected.peer().closeOutbound();
        ByteBuffer closeNotify = ByteBuffer.allocate(connected.peer().getSession().getPacketBufferSize());
        connected.peer().wrap(ByteBuffer.allocate(0), closeNotify);
        closeNotify.flip();
        int recordLength = closeNotify.remaining();
        SSLEngine tested = connected.tested();
        SSLEngineResult read = tested.unwrap(closeNotify, ByteBuffer.allocate(100));
        boolean wholeRecord = read.bytesConsumed() == recordLength;
        boolean inboundDone = tested.isInboundDone();
        boolean outboundDone = tested.isOutboundDone();
        SSLEngineResult written = tested.wrap(ByteBuffer.allocate(0), ByteBuffer.allocate(tested.getSession().getPacketBufferSize()));
        return List.of(read.getStatus(), read.getHandshakeStatus(), wholeRecord, inboundDone, outboundDone,
                written.getStatus(), written.getHandshakeStatus(), written.bytesProduced() > 0, tested.isOutboundDone());
    }

    private Connected connected(SSLContext testedContext, String protocol, Role role) throws SSLException {
        SSLEngine client = JdkEngineInteropTest.clientEngine(role == Role.CLIENT ? testedContext : pki.jdk(protocol));
        client.setEnabledCipherSuites(new String[] {protocol.equals("TLSv1.3") ? TLS13_SUITE : TLS12_SUITE});
        client.setEnabledProtocols(new String[] {protocol});
        SSLEngine server = JdkEngineInteropTest.serverEngine(role == Role.SERVER ? testedContext : pki.jdk(protocol));
        new EnginePair(client, server, false, false).handshake();
        return role == Role.CLIENT ? new Connected(client, server) : new Connected(server, client);
    }

    /** The peer's records for every message, coalesced in one buffer. */
    private static ByteBuffer peerRecords(Connected connected) throws SSLException {
        ByteBuffer records = ByteBuffer.allocate(1 << 17);
        ByteBuffer packet = ByteBuffer.allocate(connected.peer().getSession().getPacketBufferSize());
        for (int size : MESSAGE_SIZES) {
            ByteBuffer message = ByteBuffer.allocate(size);
            while (message.hasRemaining()) {
                packet.clear();
                connected.peer().wrap(message, packet);
                records.put(packet.flip());
            }
        }
        return records.flip();
    }

    /** Unwraps the peer's coalesced records, handing the tested engine {@code chunk} more bytes after each underflow. */
    private static List<Step> unwrapAll(Connected connected, int chunk) throws SSLException {
        ByteBuffer records = peerRecords(connected);
        ByteBuffer src = ByteBuffer.allocate(records.capacity());
        src.flip();
        ByteBuffer application = ByteBuffer.allocate(1 << 16);
        List<Step> steps = new ArrayList<>();
        while (true) {
            SSLEngineResult result = connected.tested().unwrap(src, application);
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

    /** Unwraps the peer's records into an application buffer of 10 bytes that doubles on every overflow. */
    private static List<Step> unwrapIntoGrowingBuffer(Connected connected) throws SSLException {
        ByteBuffer src = peerRecords(connected);
        ByteBuffer application = ByteBuffer.allocate(10);
        List<Step> steps = new ArrayList<>();
        while (src.hasRemaining()) {
            SSLEngineResult result = connected.tested().unwrap(src, application);
            steps.add(Step.of(result));
            application = ByteBuffer.allocate(result.getStatus() == Status.BUFFER_OVERFLOW ? application.capacity() * 2 : 10);
        }
        return steps;
    }

    /** Wraps each message into a packet buffer of 10 bytes that grows to the session's packet size on overflow. */
    private static List<Step> wrapAll(Connected connected) throws SSLException {
        SSLEngine tested = connected.tested();
        List<Step> steps = new ArrayList<>();
        for (int size : MESSAGE_SIZES) {
            ByteBuffer message = ByteBuffer.allocate(size);
            ByteBuffer packet = ByteBuffer.allocate(10);
            while (message.hasRemaining()) {
                SSLEngineResult result = tested.wrap(message, packet);
                steps.add(Step.of(result));
                packet = ByteBuffer.allocate(tested.getSession().getPacketBufferSize());
            }
        }
        return steps;
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

    /**
     * Wraps 100,000 bytes held in buffers of 1, 7,000 and 92,999 bytes (offset 1 of the array, after an empty
     * buffer) into one huge destination, until all is consumed; the produced counts are left out (sender's choice).
     */
    private static List<Step> wrapScattered(Connected connected) throws SSLException {
        ByteBuffer[] sources = {ByteBuffer.allocate(0), ByteBuffer.allocate(1), ByteBuffer.allocate(7_000),
            ByteBuffer.allocate(92_999)};
        ByteBuffer huge = ByteBuffer.allocate(1 << 18);
        List<Step> steps = new ArrayList<>();
        while (sources[3].hasRemaining()) {
            steps.add(Step.of(connected.tested().wrap(sources, 1, 3, huge)).withoutProduced());
        }
        assertThat(huge.position()).as("every record landed in the one destination").isGreaterThan(100_000);
        return steps;
    }

    /**
     * The handshake statuses of a fresh engine before and after beginHandshake, its first wrap into 10 bytes and an
     * unwrap of nothing; then, once connected, the results of closing the outbound side.
     */
    private List<Object> openingAndClosing(SSLContext context, String protocol, Role role) throws SSLException {
        List<Object> seen = new ArrayList<>();
        SSLEngine fresh = role == Role.CLIENT ? JdkEngineInteropTest.clientEngine(context)
                : JdkEngineInteropTest.serverEngine(context);
        seen.add(fresh.getHandshakeStatus());
        fresh.beginHandshake();
        seen.add(fresh.getHandshakeStatus());
        seen.add(Step.of(fresh.wrap(ByteBuffer.allocate(0), ByteBuffer.allocate(10))));
        seen.add(Step.of(fresh.unwrap(ByteBuffer.allocate(0), ByteBuffer.allocate(100))).status());

        SSLEngine tested = connected(context, protocol, role).tested();
        tested.closeOutbound();
        seen.add(tested.getHandshakeStatus());
        seen.add(tested.isOutboundDone());
        SSLEngineResult closing = tested.wrap(ByteBuffer.allocate(0), ByteBuffer.allocate(tested.getSession().getPacketBufferSize()));
        seen.add(closing.getStatus());
        seen.add(tested.isOutboundDone());
        seen.add(tested.wrap(ByteBuffer.allocate(5), ByteBuffer.allocate(tested.getSession().getPacketBufferSize())).getStatus());
        return seen;
    }
}
