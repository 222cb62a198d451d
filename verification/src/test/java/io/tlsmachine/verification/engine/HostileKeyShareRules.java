package io.tlsmachine.verification.engine;

import static io.tlsmachine.verification.engine.HelloLayout.concat;
import static io.tlsmachine.verification.engine.HostileHelloMutations.DECODE_ERROR;
import static io.tlsmachine.verification.engine.HostileHelloMutations.GREASE;
import static io.tlsmachine.verification.engine.HostileHelloMutations.ILLEGAL_PARAMETER;
import static io.tlsmachine.verification.engine.HostileHelloMutations.RFC_SYNTAX;
import static io.tlsmachine.verification.engine.HostileHelloMutations.hex;
import static io.tlsmachine.verification.engine.HostileHelloMutations.two;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Key share mutations (RFC 8446 §4.2.8, §4.2.8.2, §7.4.2): the server's share in a ServerHello broken (group not
 * offered, bad point, wrong size, all zero) and the group a HelloRetryRequest selects (one we already sent a share
 * for, one we do not support, none at all), against the ClientHello our client sent.
 */
final class HostileKeyShareRules {

    private static final int KEY_SHARE = 0x0033;
    private static final int SUPPORTED_GROUPS = 0x000A;
    private static final int X25519 = 0x001D;
    /** The (EC)DHE groups whose public values are points (RFC 8446 §4.2.8.2). */
    private static final List<Integer> CLASSIC = List.of(0x0017, 0x0018, 0x0019, 0x001D);
    private static final List<Integer> GROUPS = List.of(0x0017, 0x0018, 0x0019, 0x001D, 0x001E, 0x0100, 0x0101,
            0x0102, 0x11EC, 0x6399, 0x0000, 0xFEFE);

    private HostileKeyShareRules() {
    }

    static void serverShare(HelloLayout hello, HelloLayout offered, boolean retryRequest, boolean afterRetry,
            HelloLayout retry, HostileHelloMutations.Sink sink) {
        int at = hello.indexOf(KEY_SHARE);
        List<Integer> supported = HostileServerHelloRules.codesOf(listOf(offered.data(SUPPORTED_GROUPS)));
        List<Integer> shared = sharedGroups(offered.data(KEY_SHARE));
        if (retryRequest) {
            retryRules(hello, at, supported, shared, sink);
            return;
        }
        if (at < 0) {
            return;
        }
        byte[] data = hello.extensions.get(at).data();
        int group = HelloLayout.u16(data, 0);
        byte[] key = Arrays.copyOfRange(data, 4, data.length);
        String sameGroup = "RFC 8446 §4.2.8: servers offer exactly one KeyShareEntry in the ServerHello. This value MUST"
                + " be in the same group as the KeyShareEntry value offered by the client that the server has selected"
                + (afterRetry ? "; if a HelloRetryRequest containing a \"key_share\" extension was received by the"
                        + " client, the client MUST verify that the selected NamedGroup in the ServerHello is the same as"
                        + " that in the HelloRetryRequest. If this check fails, the client MUST abort the handshake with"
                        + " an \"illegal_parameter\" alert." : "; §6.2 illegal_parameter.");
        for (int other : HostileServerHelloRules.concatLists(GROUPS, GREASE)) {
            if (!shared.contains(other)) {
                sink.add("key share", "key_share.group", hex(other) + " (no share of ours)", sameGroup,
                        ILLEGAL_PARAMETER, HostileHelloMutations.replaced(hello, at, entry(other, key)));
            }
        }
        String validate = group == X25519
                ? "RFC 8446 §4.2.8.2: for X25519 the public value is 32 bytes (RFC 7748); §7.4.2: implementations MUST"
                        + " check whether the computed Diffie-Hellman shared secret is the all-zero value and abort if"
                        + " so; §6.2 illegal_parameter"
                : "RFC 8446 §4.2.8.2: peers MUST validate each other's public value Q by ensuring that the point is a"
                        + " valid point on the elliptic curve; only the uncompressed point format is used; §6.2"
                        + " illegal_parameter";
        List<byte[]> bad = new ArrayList<>();
        List<String> what = new ArrayList<>();
        if (!CLASSIC.contains(group)) {
            // A KEM ciphertext (X25519MLKEM768) has no point to validate: a changed one decapsulates to another
            // secret (implicit rejection, FIPS 203) and fails at Finished; only its size is checked here.
            bad.add(Arrays.copyOf(key, key.length - 1));
            what.add("one byte short");
            bad.add(concat(key, new byte[] {0}));
            what.add("one byte long");
        } else {
            bad.add(new byte[key.length]);
            what.add("all zero");
            bad.add(Arrays.copyOf(key, key.length - 1));
            what.add("one byte short");
            bad.add(concat(key, new byte[] {0}));
            what.add("one byte long");
            bad.add(new byte[] {key[0]});
        what.add("one byte");
        if (group == X25519) {
            byte[] one = new byte[32];
            one[0] = 1;
            bad.add(one);
            what.add("the point of order 1 (u = 1: all-zero secret)");
        } else if (key.length > 1) {
            byte[] compressed = Arrays.copyOf(key, 1 + (key.length - 1) / 2);
            compressed[0] = 2;
            bad.add(compressed);
            what.add("compressed point");
            byte[] offCurve = key.clone();
            offCurve[offCurve.length - 1] ^= 1;
            bad.add(offCurve);
            what.add("y flipped (off the curve)");
            byte[] hybrid = key.clone();
            hybrid[0] = 6;
            bad.add(hybrid);
            what.add("format byte 6 (hybrid)");
        }
        }
        for (int i = 0; i < bad.size(); i++) {
            sink.add("key share", "key_share.key_exchange", what.get(i) + " (" + hex(group) + ")", validate,
                    ILLEGAL_PARAMETER, HostileHelloMutations.replaced(hello, at, entry(group, bad.get(i))));
        }
        sink.add("key share", "key_share.key_exchange", "empty (" + hex(group) + ")",
                RFC_SYNTAX + " (opaque key_exchange<1..2^16-1>)", DECODE_ERROR,
                HostileHelloMutations.replaced(hello, at, entry(group, new byte[0])));
        sink.add("key share", "key_share", "group only", RFC_SYNTAX, DECODE_ERROR,
                HostileHelloMutations.replaced(hello, at, two(group)));
        sink.add("key share", "key_share", "key_exchange length one too long", RFC_SYNTAX, DECODE_ERROR,
                HostileHelloMutations.replaced(hello, at, concat(two(group), two(key.length + 1), key)));
        sink.add("key share", "key_share", "one trailing byte", RFC_SYNTAX, DECODE_ERROR,
                HostileHelloMutations.replaced(hello, at, concat(entry(group, key), new byte[] {0})));
    }

    private static void retryRules(HelloLayout hello, int at, List<Integer> supported, List<Integer> shared,
            HostileHelloMutations.Sink sink) {
        String check = "RFC 8446 §4.2.8: Upon receipt of this extension in a HelloRetryRequest, the client MUST verify"
                + " that (1) the selected_group field corresponds to a group which was provided in the"
                + " \"supported_groups\" extension in the original ClientHello and (2) the selected_group field does"
                + " not correspond to a group which was provided in the \"key_share\" extension in the original"
                + " ClientHello. If either of these checks fails, then the client MUST abort the handshake with an"
                + " \"illegal_parameter\" alert.";
        if (at < 0) {
            return;
        }
        for (int group : HostileServerHelloRules.concatLists(GROUPS, GREASE)) {
            if (shared.contains(group) || !supported.contains(group)) {
                sink.add("HelloRetryRequest", "key_share.selected_group", hex(group)
                        + (shared.contains(group) ? " (we sent a share for it)" : " (not in our supported_groups)"),
                        check, ILLEGAL_PARAMETER, HostileHelloMutations.replaced(hello, at, two(group)));
            }
        }
        if (hello.indexOf(0x002C) < 0) {
            HelloLayout none = hello.copy();
            none.extensions.remove(at);
            sink.add("HelloRetryRequest", "key_share", "removed (no cookie either)", "RFC 8446 §4.1.4: Clients MUST"
                    + " abort the handshake with an \"illegal_parameter\" alert if the HelloRetryRequest would not"
                    + " result in any change in the ClientHello.", ILLEGAL_PARAMETER, none.message());
        }
        sink.add("HelloRetryRequest", "key_share", "selected_group cut to one byte", RFC_SYNTAX, DECODE_ERROR,
                HostileHelloMutations.replaced(hello, at, new byte[] {0}));
        sink.add("HelloRetryRequest", "key_share", "selected_group with a trailing byte", RFC_SYNTAX, DECODE_ERROR,
                HostileHelloMutations.replaced(hello, at, concat(hello.data(0x0033), new byte[] {0})));
    }

    private static byte[] entry(int group, byte[] key) {
        return concat(two(group), two(key.length), key);
    }

    private static byte[] listOf(byte[] vector) {
        return vector == null ? new byte[0] : Arrays.copyOfRange(vector, 2, vector.length);
    }

    /** The groups of the client_shares in a ClientHello's key_share extension_data. */
    private static List<Integer> sharedGroups(byte[] data) {
        List<Integer> groups = new ArrayList<>();
        if (data == null) {
            return groups;
        }
        int p = 2;
        while (p + 4 <= data.length) {
            groups.add(HelloLayout.u16(data, p));
            p += 4 + HelloLayout.u16(data, p + 2);
        }
        return groups;
    }
}
