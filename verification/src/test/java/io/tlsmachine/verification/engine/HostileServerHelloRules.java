package io.tlsmachine.verification.engine;

import static io.tlsmachine.verification.engine.HelloLayout.concat;
import static io.tlsmachine.verification.engine.HostileHelloMutations.DECODE_ERROR;
import static io.tlsmachine.verification.engine.HostileHelloMutations.GREASE;
import static io.tlsmachine.verification.engine.HostileHelloMutations.ILLEGAL_PARAMETER;
import static io.tlsmachine.verification.engine.HostileHelloMutations.RFC_SYNTAX;
import static io.tlsmachine.verification.engine.HostileHelloMutations.hex;
import static io.tlsmachine.verification.engine.HostileHelloMutations.two;

import io.tlsmachine.AlertDescription;
import io.tlsmachine.MachineKind;
import io.tlsmachine.TlsEngine;
import io.tlsmachine.impl.engine.TestRecords;
import io.tlsmachine.model.analysis.Role;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules our client applies to a ServerHello or HelloRetryRequest (RFC 8446 §4.1.3, §4.1.4, §4.2, §4.2.1,
 * §4.2.8, §4.2.11; RFC 5246 §7.4.1.3, §7.4.1.4, Appendix E.1; RFC 8701 §3.2), each broken against the ClientHello our
 * client actually sent before it.
 */
final class HostileServerHelloRules {

    private static final int SUPPORTED_VERSIONS = 0x002B;
    private static final int KEY_SHARE = 0x0033;
    private static final int PRE_SHARED_KEY = 0x0029;
    private static final Optional<AlertDescription> UNSUPPORTED_EXTENSION =
            Optional.of(AlertDescription.UNSUPPORTED_EXTENSION);
    private static final Optional<AlertDescription> PROTOCOL_VERSION = Optional.of(AlertDescription.PROTOCOL_VERSION);

    /** Cipher suite codes a server might wrongly select: TLS 1.3, TLS 1.2 AEAD/CBC/legacy, SCSVs, unassigned. */
    static final List<Integer> SUITES = List.of(0x1301, 0x1302, 0x1303, 0x1304, 0x1305, 0xC02B, 0xC02C, 0xC02F, 0xC030,
            0xCCA8, 0xCCA9, 0xCCAA, 0x009E, 0x009F, 0x009C, 0x009D, 0xC009, 0xC00A, 0xC013, 0xC014, 0x002F, 0x0035,
            0x003C, 0x003D, 0x000A, 0x0005, 0x0004, 0x0000, 0x0001, 0x00FF, 0x5600, 0xC0AC, 0xC0AD, 0x1306, 0xFEFE,
            0xFFFF);

    /**
     * Minimal well-formed extension_data of the extensions a ServerHello can wrongly carry: the cases test the
     * table's rule, not the extension's codec.
     */
    static final Map<Integer, byte[]> SAMPLE_DATA = Map.ofEntries(Map.entry(0x0000, new byte[0]),
            Map.entry(0x0001, new byte[] {1}), Map.entry(0x0005, new byte[0]), Map.entry(0x000A, new byte[] {0, 2, 0, 0x1D}),
            Map.entry(0x000B, new byte[] {1, 0}), Map.entry(0x000D, new byte[] {0, 2, 4, 3}),
            Map.entry(0x000F, new byte[] {1}), Map.entry(0x0010, new byte[] {0, 3, 2, 'h', '2'}),
            Map.entry(0x0012, new byte[0]), Map.entry(0x0016, new byte[0]), Map.entry(0x0017, new byte[0]),
            Map.entry(0x001C, new byte[] {0x40, 0}), Map.entry(0x0023, new byte[0]), Map.entry(0x002A, new byte[0]),
            Map.entry(0x002C, new byte[] {0, 1, 7}), Map.entry(0x0029, new byte[] {0, 0}), Map.entry(0x002D, new byte[] {1, 1}),
            Map.entry(0x0030, new byte[] {0, 0}), Map.entry(0x0031, new byte[0]), Map.entry(0x0032, new byte[] {0, 2, 4, 3}),
            Map.entry(0xFF01, new byte[] {0}));

    private HostileServerHelloRules() {
    }

    /** The last ClientHello our client sent before reading record {@code index} of {@code peer}'s script. */
    static HelloLayout offered(ScriptedPeer peer, int index) {
        TlsEngine client = peer.scenario().prepared(MachineKind.COMPILED_TABLE).engine(Role.CLIENT, MachineKind.COMPILED_TABLE);
        client.beginHandshake();
        HelloLayout last = lastClientHello(client.drainOutbound(), null);
        for (int i = 0; i < index; i++) {
            client.feed(peer.script().get(i).bytes());
            last = lastClientHello(client.drainOutbound(), last);
        }
        return last;
    }

    private static HelloLayout lastClientHello(byte[] flight, HelloLayout previous) {
        HelloLayout last = previous;
        for (byte[] r : TestRecords.split(flight)) {
            if ((r[0] & 0xFF) == 22 && r.length > 5 && r[5] == 1) {
                last = HelloLayout.parse(r);
            }
        }
        return last;
    }

    static void add(HelloLayout hello, HelloLayout offered, boolean retryRequest, boolean afterRetry,
            HelloLayout retry, HostileHelloMutations.Sink sink) {
        boolean tls13 = hello.indexOf(SUPPORTED_VERSIONS) >= 0;
        List<Integer> offeredSuites = codesOf(offered.suites);
        String echo = "RFC 8446 §4.1.3: A client which receives a cipher suite that was not offered MUST abort the"
                + " handshake with an \"illegal_parameter\" alert; RFC 5246 §7.4.1.3: the single cipher suite selected"
                + " by the server from the list in ClientHello.cipher_suites; RFC 8701 §3.2: clients MUST reject GREASE"
                + " values when negotiated by the server";
        for (int suite : concatLists(SUITES, GREASE)) {
            if (!offeredSuites.contains(suite)) {
                HelloLayout s = hello.copy();
                s.suites = two(suite);
                sink.add("cipher suites", "cipher_suite", hex(suite) + " (not offered)", echo, ILLEGAL_PARAMETER,
                        s.message());
            }
        }
        HelloLayout v = hello.copy();
        v.version = two(0x0300);
        sink.add("version", "legacy_version", "0x0300 (SSL 3.0)", "RFC 8446 Appendix D.5: Any endpoint receiving a"
                + " Hello message with ... ServerHello.legacy_version set to 0x0300 MUST abort the handshake with a"
                + " \"protocol_version\" alert.", PROTOCOL_VERSION, v.message());
        for (int compression : List.of(1, 0x40, 0xFF)) {
            HelloLayout c = hello.copy();
            c.compression = new byte[] {(byte) compression};
            sink.add("compression", "compression_method", hex(compression), tls13
                    ? "RFC 8446 §4.1.3: legacy_compression_method: A single byte which MUST have the value 0;"
                            + " §4.1.4: the client MUST check ... legacy_compression_method as specified in §4.1.3"
                    : "RFC 5246 §7.4.1.3: compression_method: The single compression algorithm selected by the server"
                            + " from the list in ClientHello.compression_methods (we offered only null)",
                    ILLEGAL_PARAMETER, c.message());
        }
        if (tls13) {
            tls13Rules(hello, offered, retryRequest, afterRetry, retry, sink);
        } else {
            tls12Rules(hello, offered, sink);
        }
        extensionRules(hello, offered, tls13, retryRequest, sink);
    }

    private static void tls13Rules(HelloLayout hello, HelloLayout offered, boolean retryRequest, boolean afterRetry,
            HelloLayout retry, HostileHelloMutations.Sink sink) {
        for (int version : List.of(0x0301, 0x0302, 0x0304, 0x7F1C)) {
            HelloLayout v = hello.copy();
            v.version = two(version);
            sink.add("version", "legacy_version", hex(version), "RFC 8446 §4.1.3: In TLS 1.3 ... the legacy_version"
                    + " field MUST be set to 0x0303; §4.1.4: the client MUST check the legacy_version ... of a"
                    + " HelloRetryRequest as specified in Section 4.1.3; §6.2 illegal_parameter", ILLEGAL_PARAMETER,
                    v.message());
        }
        String versions = "RFC 8446 §4.2.1: If the \"supported_versions\" extension in the ServerHello contains a"
                + " version not offered by the client or contains a version prior to TLS 1.3, the client MUST abort the"
                + " handshake with an \"illegal_parameter\" alert.";
        int at = hello.indexOf(SUPPORTED_VERSIONS);
        for (int version : concatLists(List.of(0x0303, 0x0302, 0x0301, 0x0300, 0x0305, 0x7F1C, 0x7F17, 0xFEFC, 0xFFFF),
                GREASE)) {
            sink.add("version", "supported_versions", "selects " + hex(version), versions, ILLEGAL_PARAMETER,
                    HostileHelloMutations.replaced(hello, at, two(version)));
        }
        String echo = "RFC 8446 §4.1.3: A client which receives a legacy_session_id_echo field that does not match"
                + " what it sent in the ClientHello MUST abort the handshake with an \"illegal_parameter\" alert.";
        HelloLayout s = hello.copy();
        if (offered.sessionId.length > 0) {
            s.sessionId[0] ^= 1;
            sink.add("session id", "legacy_session_id_echo", "one bit flipped", echo, ILLEGAL_PARAMETER, s.message());
            s = hello.copy();
            s.sessionId = new byte[0];
            sink.add("session id", "legacy_session_id_echo", "empty", echo, ILLEGAL_PARAMETER, s.message());
            s = hello.copy();
            s.sessionId = Arrays.copyOf(hello.sessionId, hello.sessionId.length - 1);
            sink.add("session id", "legacy_session_id_echo", "one byte short", echo, ILLEGAL_PARAMETER, s.message());
        } else {
            s.sessionId = new byte[32];
            sink.add("session id", "legacy_session_id_echo", "32 bytes where we sent none", echo, ILLEGAL_PARAMETER,
                    s.message());
        }
        HostileKeyShareRules.serverShare(hello, offered, retryRequest, afterRetry, retry, sink);
        int psk = hello.indexOf(PRE_SHARED_KEY);
        if (psk >= 0) {
            String range = "RFC 8446 §4.2.11: Clients MUST verify that the server's selected_identity is within the"
                    + " range supplied by the client ... If this check fails, the client MUST abort the handshake with"
                    + " an \"illegal_parameter\" alert (we offered one identity).";
            for (int identity : List.of(1, 2, 0x7FFF, 0xFFFF)) {
                sink.add("PSK", "pre_shared_key", "selected_identity " + identity, range, ILLEGAL_PARAMETER,
                        HostileHelloMutations.replaced(hello, psk, two(identity)));
            }
        }
        if (afterRetry) {
            String same = "RFC 8446 §4.1.4: Clients MUST check that the cipher suite supplied in the ServerHello is"
                    + " the same as that in the HelloRetryRequest and otherwise abort the handshake with an"
                    + " \"illegal_parameter\" alert.";
            for (int suite : codesOf(offered.suites)) {
                if (suite >>> 8 == 0x13 && suite != HelloLayout.u16(hello.suites, 0)) {
                    HelloLayout c = hello.copy();
                    c.suites = two(suite);
                    sink.add("HelloRetryRequest", "cipher_suite", "changed after HRR to offered " + hex(suite), same,
                            ILLEGAL_PARAMETER, c.message());
                }
            }
        }
    }

    private static void tls12Rules(HelloLayout hello, HelloLayout offered, HostileHelloMutations.Sink sink) {
        String e1 = "RFC 5246 Appendix E.1: If the version chosen by the server is not supported by the client (or not"
                + " acceptable), the client MUST send a \"protocol_version\" alert message and close the connection.";
        for (int version : List.of(0x0301, 0x0302, 0x0200, 0x0002)) {
            HelloLayout v = hello.copy();
            v.version = two(version);
            sink.add("version", "server_version", hex(version) + " (below our minimum, TLS 1.2)", e1,
                    PROTOCOL_VERSION, v.message());
        }
        boolean offered13 = offered.indexOf(SUPPORTED_VERSIONS) >= 0;
        if (offered13) {
            String sentinel = "RFC 8446 §4.1.3: TLS 1.3 clients receiving a ServerHello indicating TLS 1.2 or below"
                    + " MUST check that the last 8 bytes are not equal to either of these values ... If a match is"
                    + " found, the client MUST abort the handshake with an \"illegal_parameter\" alert.";
            for (int last : List.of(0, 1)) {
                HelloLayout d = hello.copy();
                byte[] mark = {0x44, 0x4F, 0x57, 0x4E, 0x47, 0x52, 0x44, (byte) last};
                System.arraycopy(mark, 0, d.random, 24, 8);
                sink.add("version", "random", "downgrade sentinel DOWNGRD" + last, sentinel, ILLEGAL_PARAMETER,
                        d.message());
            }
        }
        HelloLayout longId = hello.copy();
        longId.sessionId = new byte[33];
        sink.add("session id", "session_id", "33 bytes", RFC_SYNTAX + " (opaque SessionID<0..32>)", DECODE_ERROR,
                longId.message());
    }

    /**
     * RFC 8446 §4.2: a recognised extension not specified for the ServerHello (one we offered) is illegal_parameter;
     * one specified for it that we did not offer, and any unknown or GREASE type, is unsupported_extension. RFC 5246
     * §7.4.1.4 for TLS 1.2. Types both unoffered and not specified for the message are left out: the two sentences
     * require different alerts and the RFC orders neither.
     */
    private static void extensionRules(HelloLayout hello, HelloLayout offered, boolean tls13, boolean retryRequest,
            HostileHelloMutations.Sink sink) {
        String message = retryRequest ? "HelloRetryRequest" : "ServerHello";
        String unsolicited = "RFC 8446 §4.2: Implementations MUST NOT send extension responses if the remote endpoint"
                + " did not send the corresponding extension requests ... Upon receiving such an extension, an endpoint"
                + " MUST abort the handshake with an \"unsupported_extension\" alert; RFC 5246 §7.4.1.4";
        String notSpecified = "RFC 8446 §4.2: If an implementation receives an extension which it recognizes and which"
                + " is not specified for the message in which it appears, it MUST abort the handshake with an"
                + " \"illegal_parameter\" alert.";
        for (Map.Entry<Integer, byte[]> e : new java.util.TreeMap<>(SAMPLE_DATA).entrySet()) {
            int type = e.getKey();
            if (hello.indexOf(type) >= 0 || type == 0x002C && retryRequest) {
                continue;
            }
            boolean specified = specifiedFor(type, tls13, retryRequest);
            boolean wasOffered = offered.indexOf(type) >= 0;
            byte[] bytes = HostileHelloMutations.withExtensionFirst(hello, type, e.getValue());
            if (wasOffered && !specified) {
                sink.add("extension wrong message", "extensions", hex(type) + " in the " + message, notSpecified,
                        ILLEGAL_PARAMETER, bytes);
            } else if (!wasOffered && specified) {
                sink.add("extension unsolicited", "extensions", hex(type) + " not offered", unsolicited,
                        UNSUPPORTED_EXTENSION, bytes);
            }
        }
        for (int type : concatLists(List.of(0x0028, 0x1234, 0xFE0D, 0xFFFF), GREASE)) {
            sink.add("extension unsolicited", "extensions", "unknown " + hex(type) + " (never offered)",
                    unsolicited + "; RFC 8701 §3.2: clients MUST reject GREASE values ... in any ServerHello extension",
                    UNSUPPORTED_EXTENSION, HostileHelloMutations.withExtensionFirst(hello, type, new byte[0]));
        }
    }

    /** specs/extensions/extensions.tsv for the ServerHello and HelloRetryRequest columns. */
    private static boolean specifiedFor(int type, boolean tls13, boolean retryRequest) {
        if (tls13) {
            return retryRequest ? type == SUPPORTED_VERSIONS || type == 0x002C || type == KEY_SHARE
                    : type == SUPPORTED_VERSIONS || type == KEY_SHARE || type == PRE_SHARED_KEY;
        }
        return List.of(0x0000, 0x0001, 0x0005, 0x000B, 0x000E, 0x000F, 0x0010, 0x0012, 0x0013, 0x0014, 0x0016, 0x0017,
                0x001C, 0x0023, 0xFF01).contains(type);
    }

    static List<Integer> codesOf(byte[] list) {
        List<Integer> codes = new java.util.ArrayList<>();
        for (int i = 0; i + 1 < list.length; i += 2) {
            codes.add(HelloLayout.u16(list, i));
        }
        return codes;
    }

    static List<Integer> concatLists(List<Integer> a, List<Integer> b) {
        List<Integer> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    static byte[] sample(int type) {
        return concat(SAMPLE_DATA.getOrDefault(type, new byte[0]));
    }
}
