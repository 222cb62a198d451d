package io.tlsmachine.impl.record;

import io.tlsmachine.model.Epoch;
import static io.tlsmachine.impl.record.RecordTestSupport.assertFails;
import static io.tlsmachine.impl.record.RecordTestSupport.bytes;
import static io.tlsmachine.impl.record.RecordTestSupport.concat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsmachine.impl.codec.types.ContentType;
import io.tlsmachine.impl.codec.types.HandshakeType;
import io.tlsmachine.Reason;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class HandshakeAssemblerTest {
    private static final byte[] CLIENT_HELLO = message(HandshakeType.CLIENT_HELLO, bytes(40, 1));
    private static final byte[] SERVER_HELLO_DONE = message(HandshakeType.SERVER_HELLO_DONE, new byte[0]);
    private static final byte[] CERTIFICATE = message(HandshakeType.CERTIFICATE, bytes(300, 2));
    private static final byte[] FLIGHT = concat(CLIENT_HELLO, SERVER_HELLO_DONE, CERTIFICATE);

    private static byte[] message(HandshakeType type, byte[] body) {
        byte[] header = {(byte) type.code(), (byte) (body.length >>> 16), (byte) (body.length >>> 8), (byte) body.length};
        return concat(header, body);
    }

    private static ReceivedRecord handshake(byte[] fragment) {
        return new ReceivedRecord(ContentType.HANDSHAKE, Epoch.PLAINTEXT, fragment);
    }

    private static ReceivedRecord handshake(Epoch epoch, byte[] fragment) {
        return new ReceivedRecord(ContentType.HANDSHAKE, epoch, fragment);
    }

    /** Feeds records and drains after each one, as the engine does. */
    private static List<ReceivedHandshakeMessage> feed(HandshakeAssembler assembler, List<ReceivedRecord> records) {
        List<ReceivedHandshakeMessage> messages = new ArrayList<>();
        for (ReceivedRecord record : records) {
            assertThat(assembler.accept(record)).isTrue();
            ReceivedHandshakeMessage message;
            while ((message = assembler.poll()) != null) {
                messages.add(message);
            }
        }
        return messages;
    }

    private static List<ReceivedHandshakeMessage> expectedFlight() {
        return List.of(
                new ReceivedHandshakeMessage(HandshakeType.CLIENT_HELLO, CLIENT_HELLO, Epoch.PLAINTEXT),
                new ReceivedHandshakeMessage(HandshakeType.SERVER_HELLO_DONE, SERVER_HELLO_DONE, Epoch.PLAINTEXT),
                new ReceivedHandshakeMessage(HandshakeType.CERTIFICATE, CERTIFICATE, Epoch.PLAINTEXT));
    }

    @Test
    void deliversCoalescedMessagesOfOneRecordWithTheirExactBytes() {
        HandshakeAssembler assembler = new HandshakeAssembler();
        assertThat(feed(assembler, List.of(handshake(FLIGHT)))).isEqualTo(expectedFlight());
        assertThat(assembler.hasPendingBytes()).isFalse();
    }

    @Test
    void reassemblesTheFlightSplitIntoTwoRecordsAtEveryPosition() {
        for (int split = 1; split < FLIGHT.length; split++) {
            List<ReceivedRecord> records = List.of(
                    handshake(Arrays.copyOf(FLIGHT, split)),
                    handshake(Arrays.copyOfRange(FLIGHT, split, FLIGHT.length)));
            assertThat(feed(new HandshakeAssembler(), records)).as("split at %d", split).isEqualTo(expectedFlight());
        }
    }

    @Test
    void reassemblesTheFlightSplitIntoThreeRecordsAtEveryPairOfPositions() {
        List<ReceivedHandshakeMessage> expected = expectedFlight();
        for (int first = 1; first < FLIGHT.length - 1; first++) {
            for (int second = first + 1; second < FLIGHT.length; second++) {
                List<ReceivedRecord> records = List.of(
                        handshake(Arrays.copyOf(FLIGHT, first)),
                        handshake(Arrays.copyOfRange(FLIGHT, first, second)),
                        handshake(Arrays.copyOfRange(FLIGHT, second, FLIGHT.length)));
                List<ReceivedHandshakeMessage> messages = feed(new HandshakeAssembler(), records);
                if (!messages.equals(expected)) {
                    assertThat(messages).as("splits at %d and %d", first, second).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void reassemblesTheFlightFedOneByteARecord() {
        List<ReceivedRecord> records = new ArrayList<>();
        for (byte b : FLIGHT) {
            records.add(handshake(new byte[] {b}));
        }
        assertThat(feed(new HandshakeAssembler(), records)).isEqualTo(expectedFlight());
    }

    @Test
    void exposesTheBodyAfterTheFourByteHeader() {
        HandshakeAssembler assembler = new HandshakeAssembler();
        assembler.accept(handshake(CLIENT_HELLO));
        assertThat(assembler.poll().body()).isEqualTo(bytes(40, 1));
    }

    @Test
    void rejectsEveryOtherContentTypeInsideAFragmentedMessageAsInterleaved() {
        List<ReceivedRecord> intruders = List.of(
                new ReceivedRecord(ContentType.ALERT, Epoch.PLAINTEXT, new byte[] {1, 0}),
                new ReceivedRecord(ContentType.CHANGE_CIPHER_SPEC, Epoch.PLAINTEXT, new byte[] {1}),
                new ReceivedRecord(ContentType.APPLICATION_DATA, Epoch.PLAINTEXT, new byte[] {7}),
                new ReceivedRecord(ContentType.APPLICATION_DATA, Epoch.PLAINTEXT, new byte[0]));
        for (ReceivedRecord intruder : intruders) {
            for (int split = 1; split < CLIENT_HELLO.length; split++) {
                HandshakeAssembler assembler = new HandshakeAssembler();
                assembler.accept(handshake(Arrays.copyOf(CLIENT_HELLO, split)));
                assertFails(Reason.INTERLEAVED_HANDSHAKE, () -> assembler.accept(intruder));
            }
        }
    }

    @Test
    void letsOtherContentTypesThroughBetweenCompleteMessages() {
        HandshakeAssembler assembler = new HandshakeAssembler();
        feed(assembler, List.of(handshake(CLIENT_HELLO)));
        assertThat(assembler.accept(new ReceivedRecord(ContentType.ALERT, Epoch.PLAINTEXT, new byte[] {1, 0}))).isFalse();
        assertThat(assembler.accept(new ReceivedRecord(ContentType.APPLICATION_DATA, Epoch.PLAINTEXT, new byte[0]))).isFalse();
        assertThat(assembler.accept(new ReceivedRecord(ContentType.CHANGE_CIPHER_SPEC, Epoch.PLAINTEXT, new byte[] {1}))).isFalse();
    }

    @Test
    void acceptsAKeyChangeOnlyWhereARecordBoundaryFollowsTheLastMessage() {
        byte[] pair = concat(CLIENT_HELLO, SERVER_HELLO_DONE);
        for (int split = 1; split < pair.length; split++) {
            HandshakeAssembler assembler = new HandshakeAssembler();
            assembler.accept(handshake(Arrays.copyOf(pair, split)));
            while (assembler.poll() != null) {
                // The engine processes each message; the one that ends a flight triggers the key change.
            }
            if (split == CLIENT_HELLO.length) {
                assembler.onReadKeyChange();
            } else {
                assertFails(Reason.KEY_CHANGE_NOT_ON_RECORD_BOUNDARY, assembler::onReadKeyChange);
            }
        }
    }

    @Test
    void rejectsAKeyChangeWhileCompleteMessagesOfTheOldKeyAreStillQueued() {
        HandshakeAssembler assembler = new HandshakeAssembler();
        assembler.accept(handshake(concat(CLIENT_HELLO, SERVER_HELLO_DONE)));
        assertThat(assembler.poll().type()).isEqualTo(HandshakeType.CLIENT_HELLO);
        assertFails(Reason.KEY_CHANGE_NOT_ON_RECORD_BOUNDARY, assembler::onReadKeyChange);
    }

    @Test
    void rejectsAMessageContinuedUnderAnotherEpoch() {
        HandshakeAssembler assembler = new HandshakeAssembler();
        assembler.accept(handshake(Epoch.HANDSHAKE, Arrays.copyOf(CLIENT_HELLO, 10)));
        assertFails(Reason.KEY_CHANGE_NOT_ON_RECORD_BOUNDARY,
                () -> assembler.accept(handshake(Epoch.APPLICATION, Arrays.copyOfRange(CLIENT_HELLO, 10, CLIENT_HELLO.length))));
    }

    @Test
    void labelsEachMessageWithTheEpochItArrivedUnder() {
        HandshakeAssembler assembler = new HandshakeAssembler();
        assembler.accept(handshake(Epoch.HANDSHAKE, SERVER_HELLO_DONE));
        assertThat(assembler.poll().epoch()).isEqualTo(Epoch.HANDSHAKE);
        assembler.onReadKeyChange();
        assembler.accept(handshake(Epoch.APPLICATION, SERVER_HELLO_DONE));
        assertThat(assembler.poll().epoch()).isEqualTo(Epoch.APPLICATION);
    }

    @Test
    void rejectsZeroLengthHandshakeAlertAndChangeCipherSpecRecordsButNotApplicationData() {
        for (ContentType type : List.of(ContentType.HANDSHAKE, ContentType.ALERT, ContentType.CHANGE_CIPHER_SPEC)) {
            assertFails(Reason.ZERO_LENGTH_FRAGMENT,
                    () -> new HandshakeAssembler().accept(new ReceivedRecord(type, Epoch.APPLICATION, new byte[0])));
        }
        assertThat(new HandshakeAssembler().accept(new ReceivedRecord(ContentType.APPLICATION_DATA, Epoch.APPLICATION, new byte[0])))
                .isFalse();
    }

    @Test
    void rejectsAnAlertRecordThatIsNotExactlyOneAlert() {
        for (int length : new int[] {1, 3, 4}) {
            assertFails(Reason.MALFORMED_MESSAGE,
                    () -> new HandshakeAssembler().accept(new ReceivedRecord(ContentType.ALERT, Epoch.PLAINTEXT, new byte[length])));
        }
    }

    @Test
    void acceptsAMessageOfExactlyTheMaximumLengthAndRejectsOneByteMoreFromItsHeaderAlone() {
        int max = HandshakeAssembler.DEFAULT_MAX_MESSAGE_LENGTH;
        byte[] atLimit = message(HandshakeType.CLIENT_HELLO, new byte[max - 4]);
        HandshakeAssembler assembler = new HandshakeAssembler();
        assembler.accept(handshake(Arrays.copyOf(atLimit, 1 << 14)));
        assembler.accept(handshake(Arrays.copyOfRange(atLimit, 1 << 14, max)));
        assertThat(assembler.poll().encoded()).hasSize(max);

        int overBody = max - 4 + 1;
        byte[] headerOnly = {1, (byte) (overBody >>> 16), (byte) (overBody >>> 8), (byte) overBody};
        assertFails(Reason.HANDSHAKE_MESSAGE_TOO_LARGE, () -> new HandshakeAssembler().accept(handshake(headerOnly)));
    }

    @Test
    void allowsCertificatesUpToTheirOwnLargerLimit() {
        int max = HandshakeAssembler.DEFAULT_MAX_CERTIFICATE_MESSAGE_LENGTH;
        int atLimitBody = max - 4;
        byte[] atLimitHeader = {11, (byte) (atLimitBody >>> 16), (byte) (atLimitBody >>> 8), (byte) atLimitBody};
        HandshakeAssembler assembler = new HandshakeAssembler();
        assembler.accept(handshake(atLimitHeader));
        assertThat(assembler.hasPendingBytes()).isTrue();

        int overBody = atLimitBody + 1;
        byte[] overHeader = {11, (byte) (overBody >>> 16), (byte) (overBody >>> 8), (byte) overBody};
        assertFails(Reason.HANDSHAKE_MESSAGE_TOO_LARGE, () -> new HandshakeAssembler().accept(handshake(overHeader)));
    }

    @Test
    void rejectsTheLargestUint24LengthBeforeAllocatingAnything() {
        HandshakeAssembler assembler = new HandshakeAssembler(64, 64);
        assertFails(Reason.HANDSHAKE_MESSAGE_TOO_LARGE,
                () -> assembler.accept(handshake(new byte[] {1, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF})));
    }

    @Test
    void deliversTheCompleteMessagesBeforeAnOversizedHeaderOfTheSameRecordAndThenFailsOnIt() {
        byte[] emptyHello = message(HandshakeType.CLIENT_HELLO, new byte[0]);
        byte[] oversizedHeader = {3, 3, (byte) 0xAB, (byte) 0xCD};
        HandshakeAssembler assembler = new HandshakeAssembler();

        assertThat(assembler.accept(handshake(concat(emptyHello, SERVER_HELLO_DONE, oversizedHeader, bytes(20, 3)))))
                .isTrue();

        assertThat(assembler.poll()).isEqualTo(
                new ReceivedHandshakeMessage(HandshakeType.CLIENT_HELLO, emptyHello, Epoch.PLAINTEXT));
        assertThat(assembler.poll()).isEqualTo(
                new ReceivedHandshakeMessage(HandshakeType.SERVER_HELLO_DONE, SERVER_HELLO_DONE, Epoch.PLAINTEXT));
        assertThat(assembler.hasPendingBytes()).isTrue();
        assertFails(Reason.HANDSHAKE_MESSAGE_TOO_LARGE, assembler::poll);
    }

    @Test
    void insistsThatCompleteMessagesAreTakenBeforeTheNextRecord() {
        HandshakeAssembler assembler = new HandshakeAssembler();
        assembler.accept(handshake(CLIENT_HELLO));
        assertThatThrownBy(() -> assembler.accept(handshake(SERVER_HELLO_DONE))).isInstanceOf(IllegalStateException.class);
    }
}
