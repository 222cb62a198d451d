package io.tlsmachine.verification.engine;

import static io.tlsmachine.verification.engine.HelloLayout.concat;
import static io.tlsmachine.verification.engine.HostileHelloMutations.DECODE_ERROR;
import static io.tlsmachine.verification.engine.HostileHelloMutations.ILLEGAL_PARAMETER;
import static io.tlsmachine.verification.engine.HostileHelloMutations.RFC_SYNTAX;
import static io.tlsmachine.verification.engine.HostileRecordRules.UNEXPECTED;

import io.tlsmachine.AlertDescription;
import io.tlsmachine.model.Epoch;
import io.tlsmachine.model.Input;
import io.tlsmachine.model.ProtocolVersion;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Cases on the records our engine reads protected (RFC 8446 §5.2-5.4, RFC 5246 §6.2.3): ciphertext bit flips,
 * TLSInnerPlaintext without a content type or over its limit, protected change_cipher_spec and unknown inner types,
 * and, sealed under the keys the engine expects there, handshake messages with one field broken: EncryptedExtensions
 * with forbidden extensions, a server Certificate with a request context, a CertificateVerify scheme we did not offer
 * or a flipped signature, a wrong Finished, a malformed NewSessionTicket, a KeyUpdate with a bad value.
 */
final class HostileSealedRules {

    private static final int HANDSHAKE = 22;
    private static final Optional<AlertDescription> BAD_RECORD_MAC = Optional.of(AlertDescription.BAD_RECORD_MAC);
    private static final Optional<AlertDescription> DECRYPT_ERROR = Optional.of(AlertDescription.DECRYPT_ERROR);

    private HostileSealedRules() {
    }

    static void add(ScriptedPeer peer, HostileRecordRules.Sink sinkAt0, java.util.function.IntFunction<HostileRecordRules.Sink> at) {
        List<WireRecord> script = peer.script();
        boolean tls13 = peer.scenario().version() == ProtocolVersion.TLS13;
        boolean firstProtected = true;
        for (int i = 0; i < script.size(); i++) {
            WireRecord record = script.get(i);
            if (!record.protectedRecord()) {
                continue;
            }
            HostileRecordRules.Sink sink = at.apply(i);
            ReadKeys.Plain plain = peer.opened(i);
            // RFC 8446 §4.2.10: a server that rejected 0-RTT skips records that fail deprotection with the
            // handshake key (discarding them up to max_early_data_size): no ciphertext cases where it does.
            boolean skipsUndecryptable = peer.victimRole() == io.tlsmachine.model.analysis.Role.SERVER
                    && peer.scenario().name().contains("0-RTT rejected by server configuration")
                    && record.epoch() == Epoch.HANDSHAKE;
            if ((firstProtected || record.epoch() != script.get(i - 1).epoch()) && !skipsUndecryptable) {
                recordCases(peer, i, record, tls13, sink);
            }
            firstProtected = false;
            if (plain.type() == HANDSHAKE) {
                messageCases(peer, i, record.input(), plain.content(), tls13, sink);
            }
        }
        if (tls13 && !script.isEmpty()) {
            afterHandshake(peer, at.apply(script.size()));
        }
    }

    private static void recordCases(ScriptedPeer peer, int i, WireRecord record, boolean tls13,
            HostileRecordRules.Sink sink) {
        byte[] bytes = record.bytes();
        String mac = tls13 ? "RFC 8446 §5.2: If the decryption fails, the receiver MUST terminate the connection with a"
                + " \"bad_record_mac\" alert." : "RFC 5246 §6.2.3.3: If the decryption fails, a fatal bad_record_mac"
                + " alert MUST be generated.";
        for (int offset : List.of(5, 6, bytes.length / 2, bytes.length - 17, bytes.length - 1)) {
            byte[] flipped = bytes.clone();
            flipped[offset] ^= 0x01;
            sink.add("ciphertext", "encrypted_record", "bit flipped at byte " + offset + " of " + bytes.length, mac,
                    BAD_RECORD_MAC, flipped);
        }
        byte[] cut = Arrays.copyOf(bytes, bytes.length - 1);
        cut[3] = (byte) ((cut.length - 5) >>> 8);
        cut[4] = (byte) (cut.length - 5);
        sink.add("ciphertext", "encrypted_record", "last byte of the tag cut off", mac, BAD_RECORD_MAC, cut);
        byte[] header = bytes.clone();
        header[2] ^= 0x01;
        if (tls13) {
            sink.add("ciphertext", "additional_data", "legacy_record_version changed (it is authenticated)",
                    "RFC 8446 §5.2: additional_data = TLSCiphertext.opaque_type || legacy_record_version || length; "
                            + mac, BAD_RECORD_MAC, header);
            Input input = record.input();
            seal(peer, i, input, 0, new byte[] {0, 0}, sink, "inner plaintext", "all zero (no content type)",
                    "RFC 8446 §5.4: If a receiving implementation does not find a non-zero octet in the cleartext, it"
                            + " MUST terminate the connection with an \"unexpected_message\" alert.", UNEXPECTED);
            seal(peer, i, input, 0, new byte[0], sink, "inner plaintext", "content type 0, nothing else",
                    "RFC 8446 §5.4: If a receiving implementation does not find a non-zero octet in the cleartext, it"
                            + " MUST terminate the connection with an \"unexpected_message\" alert.", UNEXPECTED);
            seal(peer, i, input, 20, new byte[] {1}, sink, "inner content type", "protected change_cipher_spec",
                    "RFC 8446 §5: An implementation which receives ... a protected change_cipher_spec record MUST"
                            + " abort the handshake with an \"unexpected_message\" alert.", UNEXPECTED);
            for (int type : List.of(24, 25, 99, 255)) {
                seal(peer, i, input, type, new byte[] {1}, sink, "inner content type", "type " + type,
                        HostileRecordRules.RFC_TYPE, UNEXPECTED);
            }
            seal(peer, i, input, 21, new byte[] {2}, sink, "alert", "one-byte alert", "RFC 8446 §6: struct { AlertLevel"
                    + " level; AlertDescription description; }; §4: decode_error", DECODE_ERROR);
            seal(peer, i, input, 21, new byte[] {2, 40, 0}, sink, "alert", "three-byte alert", "RFC 8446 §6: struct {"
                    + " AlertLevel level; AlertDescription description; }; §4: decode_error", DECODE_ERROR);
        }
    }

    private static void messageCases(ScriptedPeer peer, int i, Input input, byte[] message, boolean tls13,
            HostileRecordRules.Sink sink) {
        String name = input.name();
        int body = message.length - 4;
        if (body > 0) {
            byte[] shorter = concat(Arrays.copyOf(message, message.length - 1));
            shorter[1] = (byte) ((body - 1) >>> 16);
            shorter[2] = (byte) ((body - 1) >>> 8);
            shorter[3] = (byte) (body - 1);
            seal(peer, i, input, HANDSHAKE, shorter, sink, "length", "body one byte short (" + name + ")", RFC_SYNTAX,
                    DECODE_ERROR);
        }
        byte[] longer = concat(message, new byte[] {0});
        longer[1] = (byte) ((body + 1) >>> 16);
        longer[2] = (byte) ((body + 1) >>> 8);
        longer[3] = (byte) (body + 1);
        seal(peer, i, input, HANDSHAKE, longer, sink, "length", "one trailing byte in the body (" + name + ")",
                RFC_SYNTAX, DECODE_ERROR);
        if (input == Input.FINISHED) {
            byte[] wrong = message.clone();
            wrong[wrong.length - 1] ^= 1;
            seal(peer, i, input, HANDSHAKE, wrong, sink, "Finished", "verify_data bit flipped", "RFC 8446 §4.4.4:"
                    + " Recipients of Finished messages MUST verify that the contents are correct and if incorrect MUST"
                    + " terminate the connection with a \"decrypt_error\" alert; RFC 5246 §7.4.9", DECRYPT_ERROR);
        }
        if (input == Input.CERTIFICATE_VERIFY) {
            byte[] wrong = message.clone();
            wrong[wrong.length - 1] ^= 1;
            seal(peer, i, input, HANDSHAKE, wrong, sink, "CertificateVerify", "signature bit flipped", "RFC 8446 §4.4.3:"
                    + " If the verification fails, the receiver MUST terminate the handshake with a \"decrypt_error\""
                    + " alert; RFC 5246 §7.4.8", DECRYPT_ERROR);
            if (tls13) {
                for (int scheme : List.of(0x0401, 0x0501, 0x0201, 0x0203, 0xFEFE, 0x0A0A)) {
                    byte[] other = message.clone();
                    other[4] = (byte) (scheme >>> 8);
                    other[5] = (byte) scheme;
                    seal(peer, i, input, HANDSHAKE, other, sink, "CertificateVerify", "scheme "
                            + HostileHelloMutations.hex(scheme) + " (not offered)", "RFC 8446 §4.4.3: the signature"
                            + " algorithm MUST be one offered in the client's \"signature_algorithms\" extension ...;"
                            + " RSASSA-PKCS1-v1_5 and SHA-1 schemes are not defined for TLS 1.3 handshake signatures"
                            + " (§4.2.3); §6.2 illegal_parameter", ILLEGAL_PARAMETER);
                }
            }
        }
        if (tls13 && input == Input.ENCRYPTED_EXTENSIONS) {
            for (int type : List.of(0x0033, 0x002B, 0x0029, 0x000D, 0x002D, 0x0031, 0x002C, 0x000B, 0x0017)) {
                byte[] data = HostileServerHelloRules.SAMPLE_DATA.getOrDefault(type, type == 0x0033
                        ? new byte[] {0, 0x1D, 0, 1, 9} : type == 0x002B ? new byte[] {3, 4} : new byte[] {0, 0});
                seal(peer, i, input, HANDSHAKE, withFirstExtension(message, 4, type, data), sink, "EncryptedExtensions",
                        "forbidden extension " + HostileHelloMutations.hex(type), "RFC 8446 §4.3.1: The client MUST"
                                + " check EncryptedExtensions for the presence of any forbidden extensions and if any"
                                + " are found MUST abort the handshake with an \"illegal_parameter\" alert.",
                        ILLEGAL_PARAMETER);
            }
        }
        if (tls13 && input == Input.CERTIFICATE && peer.victimRole() == io.tlsmachine.model.analysis.Role.CLIENT
                && message[4] == 0) {
            byte[] context = concat(Arrays.copyOf(message, 4), new byte[] {1, 7},
                    Arrays.copyOfRange(message, 5, message.length));
            setLength(context, context.length - 4);
            seal(peer, i, input, HANDSHAKE, context, sink, "Certificate", "certificate_request_context of one byte",
                    "RFC 8446 §4.4.2: in the case of server authentication, this field SHALL be zero length; §6.2"
                            + " illegal_parameter", ILLEGAL_PARAMETER);
        }
    }

    /** Cases read by the connected engine after the handshake (RFC 8446 §4.6.1, §4.6.3). */
    private static void afterHandshake(ScriptedPeer peer, HostileRecordRules.Sink sink) {
        int end = peer.script().size();
        String keyUpdate = "RFC 8446 §4.6.3: If an implementation receives any other value, it MUST terminate the"
                + " connection with an \"illegal_parameter\" alert.";
        for (int value : List.of(2, 3, 0x7F, 0xFF)) {
            seal(peer, end, Input.KEY_UPDATE_NOT_REQUESTED, HANDSHAKE, new byte[] {24, 0, 0, 1, (byte) value}, sink,
                    "KeyUpdate", "request_update " + value, keyUpdate, ILLEGAL_PARAMETER);
        }
        seal(peer, end, Input.KEY_UPDATE_NOT_REQUESTED, HANDSHAKE, new byte[] {24, 0, 0, 0}, sink, "KeyUpdate",
                "empty body", RFC_SYNTAX, DECODE_ERROR);
        seal(peer, end, Input.KEY_UPDATE_NOT_REQUESTED, HANDSHAKE, new byte[] {24, 0, 0, 2, 0, 0}, sink, "KeyUpdate",
                "two-byte body", RFC_SYNTAX, DECODE_ERROR);
        if (peer.victimRole() != io.tlsmachine.model.analysis.Role.CLIENT) {
            return;
        }
        // RFC 8446 §4.6.1: lifetime, age_add, nonce<0..255>, ticket<1..2^16-1>, extensions<0..2^16-2>.
        byte[] lifetime = {0, 0, 0x1C, 0x20};
        byte[] ageAdd = {1, 2, 3, 4};
        byte[] nonce = {1, 0};
        byte[] ticket = {0, 3, 9, 9, 9};
        String nst = "RFC 8446 §4.6.1 struct NewSessionTicket; §4: decode_error";
        List<byte[][]> bad = List.of(
                new byte[][] {lifetime, ageAdd, nonce, {0, 0}, {0, 0}},
                new byte[][] {lifetime, ageAdd, nonce, ticket},
                new byte[][] {lifetime, ageAdd, nonce, ticket, {0, 0}, {0}},
                new byte[][] {lifetime, ageAdd, nonce, ticket, {0, 5, 0, 0x2A, 0, 1}},
                new byte[][] {lifetime, ageAdd, nonce, ticket, {0, 6, 0, 0x2A, 0, 2, 0, 1}},
                new byte[][] {lifetime, ageAdd, {9}, ticket, {0, 0}},
                new byte[][] {lifetime, ageAdd});
        List<String> what = List.of("empty ticket", "no extensions block", "trailing byte",
                "extensions length one too long", "early_data with a two-byte max_early_data_size",
                "ticket_nonce length past the end", "truncated after ticket_age_add");
        for (int k = 0; k < bad.size(); k++) {
            byte[] body = concat(bad.get(k));
            byte[] message = concat(new byte[] {4, 0, (byte) (body.length >>> 8), (byte) body.length}, body);
            seal(peer, end, Input.NEW_SESSION_TICKET, HANDSHAKE, message, sink, "NewSessionTicket", what.get(k), nst,
                    DECODE_ERROR);
        }
        byte[] body = concat(lifetime, ageAdd, nonce, ticket, new byte[] {0, 4, 0x12, 0x34, 0, 0});
        seal(peer, end, Input.NEW_SESSION_TICKET, HANDSHAKE, concat(new byte[] {4, 0, 0, (byte) body.length}, body),
                sink, "NewSessionTicket", "unknown extension 0x1234", "RFC 8446 §4.6.1: Clients MUST ignore"
                        + " unrecognized extensions.", Optional.empty());
    }

    private static void seal(ScriptedPeer peer, int index, Input input, int type, byte[] content,
            HostileRecordRules.Sink sink, String field, String mutation, String rfc, Optional<AlertDescription> expected) {
        peer.sealedInPlaceOf(index, input, type, content).ifPresent(r -> sink.add(field.equals("length")
                ? "length" : categoryOf(field), field, mutation, rfc, expected, r.bytes()));
    }

    private static String categoryOf(String field) {
        return switch (field) {
            case "inner plaintext", "inner content type" -> "records (protected)";
            case "alert" -> "alerts";
            default -> field.equals("EncryptedExtensions") ? "extension wrong message" : "messages (protected)";
        };
    }

    /** Inserts an extension first in the block at {@code blockOffset} of a handshake message, lengths recomputed. */
    private static byte[] withFirstExtension(byte[] message, int blockOffset, int type, byte[] data) {
        int block = HelloLayout.u16(message, blockOffset);
        byte[] extension = concat(HelloLayout.u16(type), HelloLayout.u16(data.length), data);
        byte[] out = concat(Arrays.copyOf(message, blockOffset), HelloLayout.u16(block + extension.length), extension,
                Arrays.copyOfRange(message, blockOffset + 2, message.length));
        setLength(out, out.length - 4);
        return out;
    }

    private static void setLength(byte[] message, int length) {
        message[1] = (byte) (length >>> 16);
        message[2] = (byte) (length >>> 8);
        message[3] = (byte) length;
    }

    static boolean readsProtected(ScriptedPeer peer) {
        return peer.script().stream().anyMatch(r -> r.protectedRecord() && r.epoch() != Epoch.PLAINTEXT);
    }
}
