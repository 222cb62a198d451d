package io.tlsmachine.verification.engine;

import static io.tlsmachine.verification.engine.HelloLayout.concat;
import static io.tlsmachine.verification.engine.HostileHelloMutations.DECODE_ERROR;
import static io.tlsmachine.verification.engine.HostileHelloMutations.GREASE;
import static io.tlsmachine.verification.engine.HostileHelloMutations.GREASE_PSK_MODES;
import static io.tlsmachine.verification.engine.HostileHelloMutations.IGNORED;
import static io.tlsmachine.verification.engine.HostileHelloMutations.ILLEGAL_PARAMETER;
import static io.tlsmachine.verification.engine.HostileHelloMutations.RFC_SYNTAX;
import static io.tlsmachine.verification.engine.HostileHelloMutations.hex;
import static io.tlsmachine.verification.engine.HostileHelloMutations.two;

import io.tlsmachine.AlertDescription;
import io.tlsmachine.impl.engine.TestRecords;
import io.tlsmachine.model.Input;
import io.tlsmachine.model.ProtocolVersion;
import io.tlsmachine.model.analysis.Role;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The field-level hostile-peer catalogue (issue 11 §3): for every honest script of {@link HandshakeScenario#all()},
 * both roles, every plaintext hello our engine receives (ClientHello against our server, ServerHello and
 * HelloRetryRequest against our client) broken one field at a time by {@link HostileHelloMutations} and the
 * client- and server-specific rules here. Cases that would encode the same record at the same place are kept once.
 */
final class HostileCatalogue {

    private static final int PRE_SHARED_KEY = 0x0029;
    private static final int SUPPORTED_VERSIONS = 0x002B;
    private static final int KEY_SHARE = 0x0033;
    private static final String RFC_BINDER = "RFC 8446 §4.2.11: Prior to accepting PSK key establishment, the server"
            + " MUST validate the corresponding binder value ... If this value is not present or does not validate,"
            + " the server MUST abort the handshake; §6.2 decrypt_error: ... validate a Finished message or a PSK binder."
            + " (The binder covers the whole ClientHello before it, so any change there, even one to be ignored, breaks it.)";

    private static final String RFC_FALLBACK = "RFC 7507 §3: If TLS_FALLBACK_SCSV appears in"
            + " ClientHello.cipher_suites and the highest protocol version supported by the server is higher than the"
            + " version indicated in ClientHello.client_version, the server MUST respond with a fatal"
            + " inappropriate_fallback alert (our servers of the TLS 1.2 scenarios support TLS 1.3)";

    private final List<HostileCase> cases = new ArrayList<>();

    HostileCatalogue(List<HandshakeScenario> scenarios) {
        for (HandshakeScenario scenario : scenarios) {
            for (Role role : Role.values()) {
                addCasesOf(ScriptedPeer.record(scenario, role));
            }
        }
    }

    private static HostileCatalogue sample;

    /** The catalogue of the sample scenarios ({@link HandshakeScenario#all()}), built once per test JVM. */
    static synchronized HostileCatalogue sample() {
        if (sample == null) {
            sample = new HostileCatalogue(HandshakeScenario.all());
        }
        return sample;
    }

    List<HostileCase> cases() {
        return cases;
    }

    private void addCasesOf(ScriptedPeer peer) {
        List<WireRecord> script = peer.script();
        HostileSealedRules.add(peer, null, index -> {
            Set<String> seen = new HashSet<>();
            String message = index < script.size() ? script.get(index).input() + "@" + script.get(index).epoch().label()
                    : "after the handshake";
            return (category, field, mutation, rfc, expected, wire) -> {
                if (seen.add(java.util.HexFormat.of().formatHex(wire))) {
                    cases.add(new HostileCase(peer, index, category, message, field, mutation, rfc, expected, wire));
                }
            };
        });
        int clientHellos = 0;
        HelloLayout retry = null;
        for (int i = 0; i < script.size(); i++) {
            WireRecord record = script.get(i);
            if (!record.plaintextHandshake()) {
                continue;
            }
            Input input = record.input();
            int index = i;
            Set<String> seen = new HashSet<>();
            boolean secondHello = input == Input.CLIENT_HELLO && clientHellos++ > 0;
            String message = input.name() + (secondHello ? " (second)" : "");
            HostileHelloMutations.Sink sink = (category, field, mutation, rfc, expected, bytes) -> {
                byte[] wire = TestRecords.plaintext(22, bytes);
                wire[1] = record.bytes()[1];
                wire[2] = record.bytes()[2];
                if (seen.add(java.util.HexFormat.of().formatHex(wire))) {
                    cases.add(new HostileCase(peer, index, category, message, field, mutation, rfc, expected, wire));
                }
            };
            HelloLayout hello;
            boolean firstHello = input == Input.CLIENT_HELLO && !secondHello || input == Input.HELLO_RETRY_REQUEST
                    || input == Input.SERVER_HELLO && retry == null;
            if (firstHello) {
                boolean tls13 = peer.scenario().version() == ProtocolVersion.TLS13;
                boolean keyChange = tls13 && index + 1 < script.size() && script.get(index + 1).protectedRecord()
                        && input != Input.HELLO_RETRY_REQUEST;
                HostileRecordRules.Sink records = (category, field, mutation, rfc, expected, wire) -> {
                    if (seen.add(java.util.HexFormat.of().formatHex(wire))) {
                        cases.add(new HostileCase(peer, index, category, "records at " + message, field, mutation, rfc,
                                expected, wire));
                    }
                };
                HostileRecordRules.add(peer, record.bytes(), keyChange,
                        peer.victimRole() == Role.CLIENT && offersTls13(HostileServerHelloRules.offered(peer, index)), records);
                if (tls13) {
                    HostileRecordRules.recordVersion(record.bytes(), records);
                }
            }
            if (input == Input.CLIENT_HELLO) {
                hello = HelloLayout.parse(record.bytes());
                HostileHelloMutations.lengths(hello, sink);
                HostileHelloMutations.extensions(hello, sink);
                clientHelloRules(peer, hello, secondHello, sink);
                String name = peer.scenario().name();
                if (!secondHello) {
                    HostilePskRules.add(hello, peer.scenario().version() == ProtocolVersion.TLS13,
                            !name.contains("resumption") && !name.contains("RSA key transport") && !name.contains("0-RTT"),
                            sink);
                }
            } else if (input == Input.SERVER_HELLO || input == Input.HELLO_RETRY_REQUEST) {
                hello = HelloLayout.parse(record.bytes());
                HostileHelloMutations.lengths(hello, sink);
                HostileHelloMutations.extensions(hello, sink);
                boolean retryRequest = input == Input.HELLO_RETRY_REQUEST;
                HostileServerHelloRules.add(hello, HostileServerHelloRules.offered(peer, i), retryRequest,
                        retry != null, retry, sink);
                retry = retryRequest ? hello : retry;
            }
        }
    }

    /** The ClientHello rules of RFC 8446 §4.1.2, §4.2 and RFC 5246 §7.4.1.2, E.1; RFC 8701 for GREASE. */
    private static void clientHelloRules(ScriptedPeer peer, HelloLayout hello, boolean secondHello,
            HostileHelloMutations.Sink sink) {
        boolean psk = hello.indexOf(PRE_SHARED_KEY) >= 0;
        boolean versionsExtension = hello.indexOf(SUPPORTED_VERSIONS) >= 0;
        // A change the RFC says to ignore still breaks a PSK binder; after a HelloRetryRequest the client must not
        // change its ClientHello beyond what RFC 8446 §4.1.2 lists, so must-ignore changes are only made to the first.
        HostileHelloMutations.Sink ignorable = (category, field, mutation, rfc, expected, bytes) -> {
            if (!secondHello) {
                sink.add(category, field, mutation, psk && expected.isEmpty() ? rfc + " " + RFC_BINDER : rfc,
                        psk && expected.isEmpty() ? Optional.of(AlertDescription.DECRYPT_ERROR) : expected, bytes);
            }
        };
        // legacy_version
        String d5 = "RFC 8446 Appendix D.5: Any endpoint receiving a Hello message with ClientHello.legacy_version or"
                + " ServerHello.legacy_version set to 0x0300 MUST abort the handshake with a \"protocol_version\" alert.";
        HelloLayout v = hello.copy();
        v.version = two(0x0300);
        sink.add("version", "legacy_version", "0x0300 (SSL 3.0)", d5, Optional.of(AlertDescription.PROTOCOL_VERSION),
                v.message());
        for (int version : List.of(0x0301, 0x0302, 0x0304, 0x0305, 0x7F1C, 0xFEFD)) {
            v = hello.copy();
            v.version = two(version);
            if (versionsExtension) {
                ignorable.add("version", "legacy_version", hex(version) + " beside supported_versions",
                        "RFC 8446 §4.2.1: If the \"supported_versions\" extension is present in the ClientHello,"
                                + " servers MUST NOT use the ClientHello.legacy_version value for version negotiation",
                        IGNORED, v.message());
            } else if (version >= 0x0304) {
                ignorable.add("version", "client_version", hex(version) + " without supported_versions",
                        "RFC 8446 §4.2.1: If this extension is not present, servers which are compliant with this"
                                + " specification and which also support TLS 1.2 MUST negotiate TLS 1.2 or prior ...,"
                                + " even if ClientHello.legacy_version is 0x0304 or later.", IGNORED, v.message());
            } else {
                ignorable.add("version", "client_version", hex(version) + " (older than every version we support)",
                        "RFC 5246 Appendix E.1: If server supports (or is willing to use) only versions greater than"
                                + " client_version, it MUST send a \"protocol_version\" alert message",
                        Optional.of(AlertDescription.PROTOCOL_VERSION), v.message());
            }
        }
        // cipher_suites
        String noOverlap = "RFC 8446 §4.1.1: If the server is unable to negotiate a supported set of parameters (i.e.,"
                + " there is no overlap between the client and server parameters), it MUST abort the handshake with either"
                + " a \"handshake_failure\" or \"insufficient_security\" fatal alert; RFC 5246 §7.4.1.3 handshake_failure.";
        Optional<AlertDescription> handshakeFailure = Optional.of(AlertDescription.HANDSHAKE_FAILURE);
        for (List<Integer> only : List.of(List.of(0xFEFE), List.of(0x0A0A, 0xFAFA), List.of(0x00FF), List.of(0x5600, 0x00FF),
                List.of(0x0000), List.of(0x1306, 0x13FF))) {
            HelloLayout s = hello.copy();
            s.suites = codes(only);
            if (only.contains(0x5600) && !versionsExtension) {
                ignorable.add("cipher suites", "cipher_suites", "only " + hexes(only), RFC_FALLBACK,
                        Optional.of(AlertDescription.INAPPROPRIATE_FALLBACK), s.message());
            } else {
                ignorable.add("cipher suites", "cipher_suites", "only " + hexes(only), noOverlap, handshakeFailure,
                        s.message());
            }
        }
        String ignoreUnknown = "RFC 8701 §3.1: servers ... MUST ignore unknown values (GREASE) in a ClientHello;"
                + " RFC 5246 §7.4.1.2: the server ... ignores cipher suites it does not recognize";
        for (int grease : GREASE) {
            HelloLayout s = hello.copy();
            s.suites = concat(two(grease), hello.suites);
            ignorable.add("GREASE", "cipher_suites", "GREASE " + hex(grease) + " first", ignoreUnknown, IGNORED,
                    s.message());
        }
        for (int unknown : List.of(0xFEFE, 0x1306, 0xCCAA, 0x00FF)) {
            HelloLayout s = hello.copy();
            s.suites = concat(two(unknown), hello.suites);
            ignorable.add("cipher suites", "cipher_suites", hex(unknown) + " first", ignoreUnknown, IGNORED,
                    s.message());
        }
        HelloLayout fallback = hello.copy();
        fallback.suites = concat(hello.suites, two(0x5600));
        if (versionsExtension) {
            ignorable.add("cipher suites", "cipher_suites", "TLS_FALLBACK_SCSV from a client at its highest version",
                    "RFC 7507 §3: the server MUST respond with inappropriate_fallback only if its highest protocol"
                            + " version is higher than the version the ClientHello indicates", IGNORED, fallback.message());
        } else {
            ignorable.add("cipher suites", "cipher_suites", "TLS_FALLBACK_SCSV in a TLS 1.2 ClientHello", RFC_FALLBACK,
                    Optional.of(AlertDescription.INAPPROPRIATE_FALLBACK), fallback.message());
        }
        // legacy_compression_methods
        for (byte[] methods : List.of(new byte[] {1}, new byte[] {0, 1}, new byte[] {1, 0}, new byte[] {0, 0x40})) {
            HelloLayout c = hello.copy();
            c.compression = methods;
            String what = java.util.HexFormat.of().formatHex(methods);
            if (versionsExtension) {
                sink.add("compression", "legacy_compression_methods", what, "RFC 8446 §4.1.2: If a TLS 1.3 ClientHello"
                        + " is received with any other value in this field, the server MUST abort the handshake with an"
                        + " \"illegal_parameter\" alert.", ILLEGAL_PARAMETER, c.message());
            } else if (methods[0] == 0 || methods.length > 1) {
                ignorable.add("compression", "compression_methods", what + " (null offered)", "RFC 5246 §7.4.1.3:"
                        + " compression_method: The single compression algorithm selected by the server from the list"
                        + " in ClientHello.compression_methods.", IGNORED, c.message());
            } else {
                sink.add("compression", "compression_methods", what + " (null missing)", "RFC 5246 §7.4.1.2: This"
                        + " vector MUST contain, and all implementations MUST support, CompressionMethod.null.",
                        ILLEGAL_PARAMETER, c.message());
            }
        }
        HelloLayout longId = hello.copy();
        longId.sessionId = new byte[33];
        sink.add("session id", "legacy_session_id", "33 bytes", RFC_SYNTAX + " (opaque legacy_session_id<0..32>)",
                DECODE_ERROR, longId.message());
        // unknown and GREASE extensions, GREASE inside lists
        String ignoreExtensions = "RFC 8446 §4.1.2: servers MUST ignore unrecognized extensions; RFC 8701 §3.1";
        for (int grease : GREASE) {
            ignorable.add("GREASE", "extensions", "GREASE extension " + hex(grease) + ", empty", ignoreExtensions,
                    IGNORED, HostileHelloMutations.withExtensionFirst(hello, grease, new byte[0]));
            ignorable.add("GREASE", "extensions", "GREASE extension " + hex(grease) + ", one byte", ignoreExtensions,
                    IGNORED, HostileHelloMutations.withExtensionFirst(hello, grease, new byte[] {0}));
            for (int[] list : new int[][] {{0x000A, 2}, {0x000D, 2}, {0x0032, 2}, {SUPPORTED_VERSIONS, 1}}) {
                if (hello.indexOf(list[0]) >= 0) {
                    ignorable.add("GREASE", "extension " + hex(list[0]), "GREASE " + hex(grease) + " first in the list",
                            ignoreExtensions, IGNORED, HostileHelloMutations.prependToList(hello, list[0], list[1],
                                    two(grease)));
                }
            }
            if (hello.indexOf(KEY_SHARE) >= 0) {
                ignorable.add("GREASE", "extension " + hex(KEY_SHARE), "GREASE share " + hex(grease) + " first",
                        ignoreExtensions, IGNORED, HostileHelloMutations.prependToList(hello, KEY_SHARE, 2,
                                concat(two(grease), two(1), new byte[] {0})));
            }
        }
        if (hello.indexOf(0x002D) >= 0) {
            for (int mode : GREASE_PSK_MODES) {
                ignorable.add("GREASE", "extension 0x002D", "GREASE mode " + hex(mode) + " first", ignoreExtensions,
                        IGNORED, HostileHelloMutations.prependToList(hello, 0x002D, 1, new byte[] {(byte) mode}));
            }
        }
        for (int unknown : List.of(0x0028, 0x00FF, 0x1234, 0xFE0D, 0xFFFF)) {
            ignorable.add("extension unknown", "extensions", "unknown extension " + hex(unknown), ignoreExtensions,
                    IGNORED, HostileHelloMutations.withExtensionFirst(hello, unknown, new byte[] {1, 2, 3}));
        }
    }

    private static boolean offersTls13(HelloLayout clientHello) {
        byte[] versions = clientHello.data(SUPPORTED_VERSIONS);
        return versions != null && HostileServerHelloRules.codesOf(java.util.Arrays.copyOfRange(versions, 1,
                versions.length)).contains(0x0304);
    }

    static byte[] codes(List<Integer> values) {
        byte[] out = new byte[values.size() * 2];
        for (int i = 0; i < values.size(); i++) {
            out[2 * i] = (byte) (values.get(i) >>> 8);
            out[2 * i + 1] = (byte) (int) values.get(i);
        }
        return out;
    }

    private static String hexes(List<Integer> values) {
        return values.stream().map(HostileHelloMutations::hex).toList().toString();
    }

    /** Counts the cases per category, role and version, sorted. */
    Map<String, Integer> countPerCell() {
        Map<String, Integer> counts = new TreeMap<>();
        cases.forEach(c -> counts.merge(c.category() + "\t" + c.role() + "\t" + c.version(), 1, Integer::sum));
        return counts;
    }
}
