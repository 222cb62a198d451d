package io.tlsmachine.impl.keyschedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsmachine.impl.crypto.CryptoProvider;
import io.tlsmachine.impl.crypto.HashAlgorithm;
import io.tlsmachine.impl.crypto.providers.CryptoProviders;
import io.tlsmachine.impl.vectors.Tls13Trace;
import io.tlsmachine.impl.vectors.TraceScenario;
import io.tlsmachine.impl.vectors.TraceSide;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The running transcript hash (RFC 8446 §4.4.1): snapshots, hash selection after buffering, the
 * HelloRetryRequest message_hash substitution and PSK binder truncation (§4.2.11.2), against the
 * HelloRetryRequest and resumed traces and against a plain {@link MessageDigest}.
 */
class TranscriptTest {
    private static final CryptoProvider PROVIDER = CryptoProviders.jdk();
    private static final HexFormat HEX = HexFormat.ofDelimiter(" ");
    private static final byte[] FIRST = "first message".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SECOND = "second message".getBytes(StandardCharsets.US_ASCII);

    @Test
    void snapshotsDoNotEndTheRunningHash() throws Exception {
        Transcript transcript = Transcript.using(PROVIDER, HashAlgorithm.SHA256);
        transcript.add(FIRST);
        assertThat(transcript.currentHash()).isEqualTo(sha("SHA-256", FIRST));
        assertThat(transcript.currentHash()).isEqualTo(sha("SHA-256", FIRST));
        transcript.add(SECOND);
        assertThat(transcript.currentHash()).isEqualTo(sha("SHA-256", FIRST, SECOND));
        assertThat(transcript.messageCount()).isEqualTo(2);
    }

    @Test
    void buffersMessagesUntilTheHashIsSelected() throws Exception {
        Transcript transcript = Transcript.awaitingHash(PROVIDER);
        transcript.add(FIRST);
        assertThatThrownBy(transcript::currentHash).isInstanceOf(IllegalStateException.class);
        transcript.selectHash(HashAlgorithm.SHA384);
        transcript.add(SECOND);
        assertThat(transcript.currentHash()).isEqualTo(sha("SHA-384", FIRST, SECOND));
    }

    @Test
    void refusesASecondHashSelection() {
        Transcript transcript = Transcript.using(PROVIDER, HashAlgorithm.SHA256);
        assertThatThrownBy(() -> transcript.selectHash(HashAlgorithm.SHA384)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void addsOnlyTheGivenSliceOfABuffer() throws Exception {
        Transcript transcript = Transcript.using(PROVIDER, HashAlgorithm.SHA256);
        byte[] framed = new byte[FIRST.length + 4];
        System.arraycopy(FIRST, 0, framed, 2, FIRST.length);
        transcript.add(framed, 2, FIRST.length);
        assertThat(transcript.currentHash()).isEqualTo(sha("SHA-256", FIRST));
    }

    @Test
    void replacesClientHelloWithMessageHashAsTheHelloRetryRequestTraceShows() throws Exception {
        Tls13TraceReplay replay = Tls13TraceReplay.of(Tls13Trace.HELLO_RETRY_REQUEST);
        List<byte[]> messages = replay.transcriptMessages;
        byte[] clientHello1 = messages.get(0);
        byte[] helloRetryRequest = messages.get(1);
        byte[] clientHello2 = messages.get(2);
        byte[] serverHello = messages.get(3);
        assertThat(HandshakeMessages.isHelloRetryRequest(helloRetryRequest)).isTrue();

        Transcript transcript = Transcript.awaitingHash(PROVIDER);
        transcript.add(clientHello1);
        transcript.selectHash(HashAlgorithm.SHA256);
        transcript.replaceClientHelloWithMessageHash();
        transcript.add(helloRetryRequest);
        transcript.add(clientHello2);
        transcript.add(serverHello);

        // RFC 8446 §4.4.1: message_hash = 254 || 00 00 Hash.length || Hash(ClientHello1).
        byte[] messageHash = concat(new byte[] {(byte) 254, 0, 0, 32}, sha("SHA-256", clientHello1));
        byte[] independent = sha("SHA-256", messageHash, helloRetryRequest, clientHello2, serverHello);
        TraceScenario scenario = Tls13Trace.HELLO_RETRY_REQUEST.scenario();
        byte[] traceHash = scenario.step(TraceSide.SERVER, "derive secret \"tls13 c hs traffic\"").value("hash");
        assertThat(HEX.formatHex(transcript.currentHash())).isEqualTo(HEX.formatHex(traceHash));
        assertThat(transcript.currentHash()).isEqualTo(independent);
    }

    @Test
    void refusesMessageHashUnlessTheTranscriptHoldsExactlyClientHello1() {
        Transcript empty = Transcript.using(PROVIDER, HashAlgorithm.SHA256);
        assertThatThrownBy(empty::replaceClientHelloWithMessageHash).isInstanceOf(IllegalStateException.class);
        Transcript two = Transcript.using(PROVIDER, HashAlgorithm.SHA256);
        two.add(FIRST);
        two.add(SECOND);
        assertThatThrownBy(two::replaceClientHelloWithMessageHash).isInstanceOf(IllegalStateException.class);
        Transcript unselected = Transcript.awaitingHash(PROVIDER);
        unselected.add(FIRST);
        assertThatThrownBy(unselected::replaceClientHelloWithMessageHash).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void truncatesClientHelloBeforeTheBindersListAsTheResumedTraceShows() {
        Tls13TraceReplay replay = Tls13TraceReplay.of(Tls13Trace.RESUMED_0RTT);
        byte[] clientHello = replay.finalClientHello();
        int bindersOffset = HandshakeMessages.bindersOffset(clientHello);
        // identities end, then binders<33..2^16-1>: 2-byte length, 1-byte entry length, 32-byte HMAC.
        assertThat(clientHello.length - bindersOffset).isEqualTo(2 + 1 + 32);

        Transcript transcript = Transcript.using(PROVIDER, HashAlgorithm.SHA256);
        byte[] binderHash = transcript.hashWithTruncatedClientHello(HashAlgorithm.SHA256, clientHello, bindersOffset);

        TraceScenario scenario = Tls13Trace.RESUMED_0RTT.scenario();
        byte[] traceBinderHash = scenario.step(TraceSide.CLIENT, "calculate PSK binder").value("binder hash");
        byte[] tracePrefix = scenario.step(TraceSide.CLIENT, "calculate PSK binder").value("ClientHello prefix");
        assertThat(HEX.formatHex(binderHash)).isEqualTo(HEX.formatHex(traceBinderHash));
        assertThat(Arrays.copyOf(clientHello, bindersOffset)).isEqualTo(tracePrefix);
        assertThat(transcript.messageCount()).as("the ClientHello is not added").isZero();
    }

    @Test
    void binderOfASecondClientHelloCoversTheHelloRetryRequestExchange() throws Exception {
        // RFC 8446 §4.2.11.2: after a HelloRetryRequest the binder hashes message_hash, the
        // HelloRetryRequest and the truncated ClientHello2.
        byte[] clientHello2 = Tls13TraceReplay.of(Tls13Trace.RESUMED_0RTT).finalClientHello();
        int bindersOffset = HandshakeMessages.bindersOffset(clientHello2);
        Transcript transcript = Transcript.using(PROVIDER, HashAlgorithm.SHA256);
        transcript.add(FIRST);
        transcript.replaceClientHelloWithMessageHash();
        transcript.add(SECOND);
        byte[] messageHash = concat(new byte[] {(byte) 254, 0, 0, 32}, sha("SHA-256", FIRST));
        assertThat(transcript.hashWithTruncatedClientHello(HashAlgorithm.SHA256, clientHello2, bindersOffset))
                .isEqualTo(sha("SHA-256", messageHash, SECOND, Arrays.copyOf(clientHello2, bindersOffset)));
        assertThat(transcript.messageCount()).isEqualTo(2);
    }

    @Test
    void binderHashIsTheSameBeforeAndAfterTheHashIsSelected() {
        byte[] clientHello = Tls13TraceReplay.of(Tls13Trace.RESUMED_0RTT).finalClientHello();
        int bindersOffset = HandshakeMessages.bindersOffset(clientHello);
        Transcript awaiting = Transcript.awaitingHash(PROVIDER);
        awaiting.add(FIRST);
        Transcript selected = Transcript.using(PROVIDER, HashAlgorithm.SHA256);
        selected.add(FIRST);
        assertThat(awaiting.hashWithTruncatedClientHello(HashAlgorithm.SHA256, clientHello, bindersOffset))
                .isEqualTo(selected.hashWithTruncatedClientHello(HashAlgorithm.SHA256, clientHello, bindersOffset));
        assertThat(awaiting.hashSelected()).isFalse();
    }

    @Test
    void refusesABinderHashOtherThanTheSelectedOne() {
        Transcript transcript = Transcript.using(PROVIDER, HashAlgorithm.SHA256);
        assertThatThrownBy(() -> transcript.hashWithTruncatedClientHello(HashAlgorithm.SHA384, FIRST, 3))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void servesAsTheTls12SessionHashAndFinishedHash() throws Exception {
        // RFC 7627 §3: session_hash = Hash(handshake_messages) through ClientKeyExchange; then Finished.
        Transcript transcript = Transcript.awaitingHash(PROVIDER);
        transcript.add(FIRST);
        transcript.selectHash(HashAlgorithm.SHA384);
        byte[] sessionHash = transcript.currentHash();
        transcript.add(SECOND);
        assertThat(sessionHash).isEqualTo(sha("SHA-384", FIRST));
        assertThat(transcript.currentHash()).isEqualTo(sha("SHA-384", FIRST, SECOND));
    }

    @Test
    void retainsTheMessagesForATls12CertificateVerify() throws Exception {
        Transcript transcript = Transcript.awaitingHash(PROVIDER).retainMessages();
        transcript.add(FIRST);
        transcript.selectHash(HashAlgorithm.SHA256);
        transcript.add(SECOND);
        assertThat(transcript.messages()).isEqualTo(concat(FIRST, SECOND));
        assertThat(transcript.currentHash()).isEqualTo(sha("SHA-256", transcript.messages()));
    }

    @Test
    void retainedMessagesFollowTheMessageHashSubstitution() throws Exception {
        Transcript transcript = Transcript.using(PROVIDER, HashAlgorithm.SHA256).retainMessages();
        transcript.add(FIRST);
        transcript.replaceClientHelloWithMessageHash();
        transcript.add(SECOND);
        assertThat(transcript.currentHash()).isEqualTo(sha("SHA-256", transcript.messages()));
    }

    @Test
    void refusesToRetainAfterMessagesOrToShowUnretainedOnes() {
        Transcript transcript = Transcript.awaitingHash(PROVIDER);
        assertThatThrownBy(transcript::messages).isInstanceOf(IllegalStateException.class);
        transcript.add(FIRST);
        assertThatThrownBy(transcript::retainMessages).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void toStringShowsStateNotContent() {
        Transcript transcript = Transcript.awaitingHash(PROVIDER);
        transcript.add(FIRST);
        assertThat(transcript.toString()).isEqualTo("Transcript[awaiting hash, 1 messages]");
    }

    private static byte[] sha(String algorithm, byte[]... parts) throws NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance(algorithm);
        for (byte[] part : parts) {
            digest.update(part);
        }
        return digest.digest();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
