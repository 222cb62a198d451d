package io.tlsmachine.verification.engine;

import static io.tlsmachine.verification.engine.HelloLayout.concat;

import io.tlsmachine.AlertDescription;
import io.tlsmachine.impl.engine.TestRecords;
import io.tlsmachine.model.ProtocolVersion;
import io.tlsmachine.model.analysis.Role;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Record-layer cases around the first plaintext hello our engine reads (RFC 8446 §5, §5.1; RFC 5246 §6.2.1): the
 * hello's record under an unknown or wrong content type, zero-length and over-long records, change_cipher_spec
 * variants and malformed alerts before it, the hello split over many records, interleaved with other record types,
 * not aligned with the key change after it, and padded to the record size limit.
 */
final class HostileRecordRules {

    /** Delivers one case: its whole wire bytes, fed at once. */
    interface Sink {
        void add(String category, String field, String mutation, String rfc, Optional<AlertDescription> expected,
                byte[] wire);
    }

    static final Optional<AlertDescription> UNEXPECTED = Optional.of(AlertDescription.UNEXPECTED_MESSAGE);
    static final Optional<AlertDescription> OVERFLOW = Optional.of(AlertDescription.RECORD_OVERFLOW);
    static final String RFC_TYPE = "RFC 8446 §5: If a TLS implementation receives an unexpected record type, it MUST"
            + " terminate the connection with an \"unexpected_message\" alert; RFC 5246 §6";
    static final String RFC_LENGTH = "RFC 8446 §5.1: The length MUST NOT exceed 2^14 bytes. An endpoint that receives a"
            + " record that exceeds this length MUST terminate the connection with a \"record_overflow\" alert; RFC 5246"
            + " §6.2.1";
    static final String RFC_INTERLEAVE = "RFC 8446 §5.1: Handshake messages MUST NOT be interleaved with other record"
            + " types. That is, if a handshake message is split over two or more records, there MUST NOT be any other"
            + " records between them; §6.2 unexpected_message";

    private HostileRecordRules() {
    }

    /** The cases around {@code record}, the first hello our engine reads in {@code peer}'s script. */
    static void add(ScriptedPeer peer, byte[] record, boolean keyChangeAfter, boolean clientOffered13, Sink sink) {
        byte[] content = Arrays.copyOfRange(record, 5, record.length);
        boolean tls13 = peer.scenario().version() == ProtocolVersion.TLS13;
        boolean client = peer.victimRole() == Role.CLIENT;
        for (int type : List.of(0, 1, 19, 23, 24, 25, 64, 99, 127, 128, 255)) {
            sink.add("records", "content type", type + " instead of handshake (22)", RFC_TYPE, UNEXPECTED,
                    typed(record, type, content));
        }
        for (int type : List.of(0, 23, 24, 99)) {
            sink.add("records", "content type", "zero-length record of type " + type + " first", RFC_TYPE, UNEXPECTED,
                    concat(typed(record, type, new byte[0]), record));
        }
        sink.add("records", "length", "zero-length handshake record first", "RFC 8446 §5.1: Implementations MUST NOT"
                + " send zero-length fragments of Handshake types ...; RFC 5246 §6.2.1; §6.2 unexpected_message",
                UNEXPECTED, concat(typed(record, 22, new byte[0]), record));
        byte[] over = Arrays.copyOf(record, 5 + (1 << 14) + 1);
        over[3] = (byte) (((1 << 14) + 1) >>> 8);
        over[4] = (byte) ((1 << 14) + 1);
        sink.add("records", "length", "plaintext record of 2^14 + 1 bytes", RFC_LENGTH, OVERFLOW, over);
        byte[] max = record.clone();
        max[3] = (byte) 0xFF;
        max[4] = (byte) 0xFF;
        sink.add("records", "length", "record length 0xFFFF", RFC_LENGTH, OVERFLOW, concat(max,
                new byte[0xFFFF - content.length]));
        // change_cipher_spec before the hello
        String ccsWindow = "RFC 8446 §5: An implementation may receive an unencrypted record of type change_cipher_spec"
                + " consisting of the single byte value 0x01 at any time after the first ClientHello message has been sent"
                + " or received and before the peer's Finished message has been received and MUST simply drop it ..."
                + " An implementation which receives any other change_cipher_spec value ... MUST abort the handshake"
                + " with an \"unexpected_message\" alert";
        for (byte[] ccs : List.of(new byte[] {2}, new byte[] {0}, new byte[] {1, 1}, new byte[0], new byte[] {(byte) 0xFF})) {
            sink.add("change_cipher_spec", "change_cipher_spec", "value " + java.util.HexFormat.of().formatHex(ccs)
                    + " before the hello", tls13 ? ccsWindow : "RFC 5246 §7.1, §7.4: change_cipher_spec before the"
                    + " hellos is a message out of order: unexpected_message", UNEXPECTED,
                    concat(typed(record, 20, ccs), record));
        }
        byte[] ccs = concat(typed(record, 20, new byte[] {1}), record);
        if (client && clientOffered13) {
            sink.add("change_cipher_spec", "change_cipher_spec", "0x01 before the ServerHello to a client that offered"
                    + " TLS 1.3 (dropped)", ccsWindow,
                    Optional.empty(), ccs);
        } else {
            sink.add("change_cipher_spec", "change_cipher_spec", "0x01 before the hello", tls13
                    ? ccsWindow + " (before the first ClientHello is received)"
                    : "RFC 5246 §7.1: change_cipher_spec out of order: unexpected_message", UNEXPECTED, ccs);
        }
        // malformed alerts before the hello
        String alertSyntax = "RFC 8446 §6 / RFC 5246 §7.2: struct { AlertLevel level; AlertDescription description; }"
                + " Alert; RFC 8446 §4: a message that cannot be parsed according to the syntax MUST terminate the"
                + " connection with a \"decode_error\" alert";
        sink.add("alerts", "alert", "zero-length alert record before the hello", "RFC 5246 §6.2.1: Implementations"
                + " MUST NOT send zero-length fragments of Handshake, Alert, or ChangeCipherSpec content types; RFC 8446"
                + " §5.1; §6.2 unexpected_message", UNEXPECTED, concat(typed(record, 21, new byte[0]), record));
        for (byte[] alert : List.of(new byte[] {2}, new byte[] {2, 40, 0}, new byte[] {1, 0, 1, 0})) {
            sink.add("alerts", "alert", alert.length + "-byte alert record before the hello", alertSyntax,
                    Optional.of(AlertDescription.DECODE_ERROR), concat(typed(record, 21, alert), record));
        }
        // the hello split over records, interleaved, misaligned, padded
        Optional<AlertDescription> ignoredOrBinder = Optional.empty();
        for (int size : List.of(1, 2, 3, 4, 5, 7, 16, 100, 255)) {
            if (size < content.length) {
                sink.add("records", "fragmentation", "the hello in records of " + size + " bytes",
                        "RFC 8446 §5.1 / RFC 5246 §6.2.1: handshake messages may be fragmented across records",
                        ignoredOrBinder, fragments(record, content, size, null));
            }
        }
        for (int other : List.of(23, 21, 24, 99)) {
            byte[] between = typed(record, other, other == 21 ? new byte[] {1, 0} : new byte[] {1});
            sink.add("records", "interleaving", "record of type " + other + " between two fragments of the hello",
                    RFC_INTERLEAVE, other == 21 ? Optional.of(AlertDescription.UNEXPECTED_MESSAGE) : UNEXPECTED,
                    fragments(record, content, content.length / 2, between));
        }
        if (keyChangeAfter) {
            sink.add("records", "alignment", "the hello and the first byte of another message in one record",
                    "RFC 8446 §5.1: Implementations MUST verify that all messages immediately preceding a key change"
                            + " align with a record boundary; if not, then they MUST terminate the connection with an"
                            + " \"unexpected_message\" alert.", UNEXPECTED, typed(record, 22, concat(content, new byte[] {20})));
        }
    }

    /** The hello's content with legacy_record_version {@code version} (RFC 8446 §5.1: MUST be ignored). */
    static void recordVersion(byte[] record, Sink sink) {
        for (int version : List.of(0x0300, 0x0301, 0x0302, 0x0304, 0x0000, 0x7F1C, 0xFEFD, 0xFFFF)) {
            byte[] copy = record.clone();
            copy[1] = (byte) (version >>> 8);
            copy[2] = (byte) version;
            if (version != (((record[1] & 0xFF) << 8) | (record[2] & 0xFF))) {
                sink.add("records", "legacy_record_version", HostileHelloMutations.hex(version), "RFC 8446 §5.1:"
                        + " legacy_record_version ... MUST be ignored for all purposes.", Optional.empty(), copy);
            }
        }
    }

    static byte[] typed(byte[] like, int type, byte[] content) {
        byte[] r = TestRecords.plaintext(type, content);
        r[1] = like[1];
        r[2] = like[2];
        return r;
    }

    private static byte[] fragments(byte[] like, byte[] content, int size, byte[] between) {
        List<byte[]> parts = new ArrayList<>();
        for (int p = 0; p < content.length; p += size) {
            parts.add(typed(like, 22, Arrays.copyOfRange(content, p, Math.min(content.length, p + size))));
            if (between != null && p == 0) {
                parts.add(between);
            }
        }
        return concat(parts.toArray(new byte[0][]));
    }
}
