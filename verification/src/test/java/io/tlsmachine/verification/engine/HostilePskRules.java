package io.tlsmachine.verification.engine;

import static io.tlsmachine.verification.engine.HelloLayout.concat;
import static io.tlsmachine.verification.engine.HostileHelloMutations.DECODE_ERROR;
import static io.tlsmachine.verification.engine.HostileHelloMutations.ILLEGAL_PARAMETER;
import static io.tlsmachine.verification.engine.HostileHelloMutations.RFC_SYNTAX;

import io.tlsmachine.AlertDescription;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * ClientHello cases our server reads for pre_shared_key (RFC 8446 §4.2.9, §4.2.11) and signature_algorithms
 * (§4.2.3, §4.1.1; RFC 5246 §7.4.1.4.1): wrong, truncated and extra binders, identity and binder counts that differ,
 * pre_shared_key not last, psk_key_exchange_modes missing; signature schemes only PKCS#1 in TLS 1.3 or only unknown.
 */
final class HostilePskRules {

    private static final int PRE_SHARED_KEY = 0x0029;
    private static final int PSK_MODES = 0x002D;
    private static final int SIGNATURE_ALGORITHMS = 0x000D;
    private static final Optional<AlertDescription> DECRYPT_ERROR = Optional.of(AlertDescription.DECRYPT_ERROR);
    private static final String BINDER = "RFC 8446 §4.2.11: the server MUST validate the corresponding binder value"
            + " ... If this value is not present or does not validate, the server MUST abort the handshake; §6.2"
            + " decrypt_error: ... validate a Finished message or a PSK binder";

    private HostilePskRules() {
    }

    static void add(HelloLayout hello, boolean tls13, boolean signs, HostileHelloMutations.Sink sink) {
        int at = hello.indexOf(PRE_SHARED_KEY);
        if (at >= 0) {
            psk(hello, at, sink);
        } else if (signs) {
            signatures(hello, tls13, sink);
        }
    }

    private static void psk(HelloLayout hello, int at, HostileHelloMutations.Sink sink) {
        byte[] data = hello.extensions.get(at).data();
        int identitiesLength = HelloLayout.u16(data, 0);
        byte[] identities = Arrays.copyOfRange(data, 2, 2 + identitiesLength);
        byte[] binders = Arrays.copyOfRange(data, 4 + identitiesLength, data.length);
        List<byte[]> entries = new ArrayList<>();
        for (int p = 0; p < binders.length; p += 1 + (binders[p] & 0xFF)) {
            entries.add(Arrays.copyOfRange(binders, p, p + 1 + (binders[p] & 0xFF)));
        }
        byte[] first = entries.get(0);
        byte[] flipped = first.clone();
        flipped[flipped.length - 1] ^= 1;
        sink.add("PSK", "pre_shared_key.binders", "binder bit flipped", BINDER, DECRYPT_ERROR,
                replaced(hello, at, identities, flipped));
        byte[] cut = Arrays.copyOf(first, first.length - 1);
        cut[0]--;
        sink.add("PSK", "pre_shared_key.binders", "binder one byte short (" + (cut.length - 1) + ")",
                cut.length - 1 < 32 ? RFC_SYNTAX + " (opaque PskBinderEntry<32..255>)" : BINDER,
                cut.length - 1 < 32 ? DECODE_ERROR : DECRYPT_ERROR, replaced(hello, at, identities, cut));
        byte[] extended = concat(first, new byte[] {0});
        extended[0]++;
        sink.add("PSK", "pre_shared_key.binders", "binder one byte long", BINDER, DECRYPT_ERROR,
                replaced(hello, at, identities, extended));
        // RFC 8446 §4.2.11 names no alert for counts that differ; the selected identity's binder no longer
        // validates (the truncated ClientHello it covers holds the changed lengths and identities): decrypt_error.
        String counts = "RFC 8446 §4.2.11: binders: A series of HMAC values, one for each value in the identities"
                + " list and in the same order; " + BINDER;
        sink.add("PSK", "pre_shared_key", "two identities, one binder", counts, DECRYPT_ERROR,
                replaced(hello, at, concat(identities, identities), binders));
        sink.add("PSK", "pre_shared_key", "one identity, two binders", counts, DECRYPT_ERROR,
                replaced(hello, at, identities, concat(binders, binders)));
        sink.add("PSK", "pre_shared_key.binders", "no binders", RFC_SYNTAX + " (PskBinderEntry binders<33..2^16-1>)",
                DECODE_ERROR, replaced(hello, at, identities, new byte[0]));
        if (at > 0) {
            HelloLayout notLast = hello.copy();
            HelloLayout.Extension psk = notLast.extensions.remove(at);
            notLast.extensions.add(at - 1, psk);
            sink.add("PSK", "pre_shared_key", "not the last extension", "RFC 8446 §4.2.11: Servers MUST check that it"
                    + " is the last extension and otherwise fail the handshake with an \"illegal_parameter\" alert.",
                    ILLEGAL_PARAMETER, notLast.message());
        }
        int modes = hello.indexOf(PSK_MODES);
        if (modes >= 0) {
            HelloLayout without = hello.copy();
            without.extensions.remove(modes);
            sink.add("PSK", "psk_key_exchange_modes", "missing beside pre_shared_key", "RFC 8446 §4.2.9: If clients"
                    + " offer \"pre_shared_key\" without a \"psk_key_exchange_modes\" extension, servers MUST abort the"
                    + " handshake; §6.2 missing_extension", Optional.of(AlertDescription.MISSING_EXTENSION),
                    without.message());
        }
    }

    private static byte[] replaced(HelloLayout hello, int at, byte[] identities, byte[] binders) {
        return HostileHelloMutations.replaced(hello, at, concat(HelloLayout.u16(identities.length), identities,
                HelloLayout.u16(binders.length), binders));
    }

    private static void signatures(HelloLayout hello, boolean tls13, HostileHelloMutations.Sink sink) {
        int at = hello.indexOf(SIGNATURE_ALGORITHMS);
        if (at < 0) {
            return;
        }
        String noOverlap = "RFC 8446 §4.1.1: If the server is unable to negotiate a supported set of parameters ... it"
                + " MUST abort the handshake with either a \"handshake_failure\" or \"insufficient_security\" fatal"
                + " alert; RFC 5246 §7.4.1.4.1 (the server signs with a listed algorithm); handshake_failure";
        List<int[]> lists = new ArrayList<>(List.of(new int[] {0xFEFE}, new int[] {0x0A0A, 0xFAFA},
                new int[] {0x0201, 0x0203}));
        if (tls13) {
            lists.add(new int[] {0x0401, 0x0501, 0x0601});
        }
        for (int[] only : lists) {
            byte[] list = HostileCatalogue.codes(Arrays.stream(only).boxed().toList());
            sink.add("signature algorithms", "signature_algorithms", "only " + Arrays.toString(Arrays.stream(only)
                    .mapToObj(HostileHelloMutations::hex).toArray()) + (only[0] == 0x0401 ? " (PKCS#1 only, not for"
                    + " TLS 1.3 handshake signatures, §4.2.3)" : ""), noOverlap,
                    Optional.of(AlertDescription.HANDSHAKE_FAILURE),
                    HostileHelloMutations.replaced(hello, at, concat(HelloLayout.u16(list.length), list)));
        }
        byte[] data = hello.extensions.get(at).data();
        byte[] unknown = new byte[2000];
        for (int i = 0; i < unknown.length; i += 2) {
            unknown[i] = (byte) 0xFE;
            unknown[i + 1] = (byte) (i / 2);
        }
        byte[] huge = concat(HelloLayout.u16(data.length - 2 + unknown.length), unknown,
                Arrays.copyOfRange(data, 2, data.length));
        sink.add("signature algorithms", "signature_algorithms", "1000 unknown schemes before ours",
                "RFC 8446 §4.2.3 / RFC 5246 §7.4.1.4.1: the server selects among the schemes it supports; unknown"
                        + " ones are ignored", Optional.empty(), HostileHelloMutations.replaced(hello, at, huge));
    }
}
