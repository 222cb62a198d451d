package io.tlsmachine.impl.keyschedule;

import io.tlsmachine.impl.keyschedule.Tls13TraceReplay.Epoch;
import io.tlsmachine.impl.keyschedule.Tls13TraceReplay.Keys;
import io.tlsmachine.impl.vectors.TraceSide;
import io.tlsmachine.impl.vectors.TraceStep;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test helper: pairs each value a trace step shows with the value the replay derived, so a test
 * can compare them all. Steps it cannot pair (records, key pairs) return empty: they are checked by
 * {@link Tls13TraceRecordTest} and {@link Tls13TraceKeyExchangeTest}.
 */
final class Tls13TraceChecks {
    /** One value of one trace step: what the trace shows and what we derived. */
    record Check(TraceStep step, String field, byte[] expected, byte[] actual) {
        String name() {
            return step + ": " + field;
        }
    }

    private static final Pattern DERIVE_SECRET = Pattern.compile("derive secret \"tls13 (.+)\"");
    private static final Pattern TRAFFIC_KEYS = Pattern.compile(
            "derive (read|write) traffic keys for (handshake|application|early application) data");
    private static final Pattern CONSTRUCT = Pattern.compile("construct a (\\w+) handshake message");
    private static final Map<String, Integer> MESSAGE_TYPES = Map.of(
            "ClientHello", HandshakeMessages.CLIENT_HELLO,
            "ServerHello", HandshakeMessages.SERVER_HELLO,
            "EndOfEarlyData", HandshakeMessages.END_OF_EARLY_DATA,
            "EncryptedExtensions", HandshakeMessages.ENCRYPTED_EXTENSIONS,
            "Certificate", HandshakeMessages.CERTIFICATE,
            "CertificateRequest", HandshakeMessages.CERTIFICATE_REQUEST,
            "CertificateVerify", HandshakeMessages.CERTIFICATE_VERIFY,
            "Finished", HandshakeMessages.FINISHED);

    private final Tls13TraceReplay replay;
    private final Map<String, Integer> constructedSoFar = new HashMap<>();

    Tls13TraceChecks(Tls13TraceReplay replay) {
        this.replay = replay;
    }

    /** Returns the checks of every step of the trace, in file order. */
    static List<Check> all(Tls13TraceReplay replay) {
        Tls13TraceChecks checks = new Tls13TraceChecks(replay);
        List<Check> all = new ArrayList<>();
        for (TraceStep step : replay.scenario.steps()) {
            checks.of(step).ifPresent(all::addAll);
        }
        return all;
    }

    /** Returns the checks of the one step with values of this action. */
    static List<Check> ofStep(Tls13TraceReplay replay, String action) {
        return all(replay).stream().filter(c -> c.step().action().equals(action)).toList();
    }

    /**
     * Returns the checks of a step, or empty when another test class covers it (records and key
     * pairs) or it shows nothing ("same as" steps).
     *
     * @throws IllegalStateException for a step with values that no test covers
     */
    Optional<List<Check>> of(TraceStep step) {
        if (step.values().isEmpty() || step.action().startsWith("send ") || step.action().startsWith("create an ephemeral")) {
            return Optional.empty();
        }
        String action = step.action();
        List<Check> checks = new ArrayList<>();
        Matcher derive = DERIVE_SECRET.matcher(action);
        Matcher trafficKeys = TRAFFIC_KEYS.matcher(action);
        Matcher construct = CONSTRUCT.matcher(action);
        byte[] emptyHash = replay.hkdf.emptyHash();
        if (action.equals("extract secret \"early\"")) {
            // The trace's "0" salt, read as empty: HKDF-Extract uses Hash.length zeros for it.
            add(checks, step, "salt", new byte[0]);
            add(checks, step, "IKM", replay.psk == null ? new byte[Tls13TraceReplay.HASH.length()] : replay.psk);
            add(checks, step, "secret", replay.earlySecret);
        } else if (action.equals("derive secret for handshake \"tls13 derived\"")) {
            addExpansion(checks, step, replay.earlySecret, "derived", emptyHash, replay.derivedForHandshake);
        } else if (action.equals("extract secret \"handshake\"")) {
            add(checks, step, "salt", replay.derivedForHandshake);
            // The (EC)DHE input itself; Tls13TraceKeyExchangeTest recomputes it from the private keys.
            add(checks, step, "IKM", replay.sharedSecret);
            add(checks, step, "secret", replay.handshakeSecret);
        } else if (action.equals("derive secret for master \"tls13 derived\"")) {
            addExpansion(checks, step, replay.handshakeSecret, "derived", emptyHash, replay.derivedForMaster);
        } else if (action.equals("extract secret \"master\"")) {
            add(checks, step, "salt", replay.derivedForMaster);
            add(checks, step, "IKM", new byte[Tls13TraceReplay.HASH.length()]);
            add(checks, step, "secret", replay.masterSecret);
        } else if (derive.matches()) {
            String label = derive.group(1);
            byte[] stage = label.equals("c e traffic") || label.equals("e exp master") ? replay.earlySecret
                    : label.contains("hs traffic") ? replay.handshakeSecret : replay.masterSecret;
            addExpansion(checks, step, stage, label, replay.derivedHashes.get(label), replay.derivedSecrets.get(label));
        } else if (trafficKeys.matches()) {
            TraceSide sender = trafficKeys.group(1).equals("write") ? step.side() : step.side().peer();
            Epoch epoch = switch (trafficKeys.group(2)) {
                case "handshake" -> Epoch.HANDSHAKE;
                case "application" -> Epoch.APPLICATION;
                default -> Epoch.EARLY;
            };
            Keys keys = replay.keys.get(sender).get(epoch);
            int keyLength = Tls13TraceReplay.AEAD.keyLength();
            int ivLength = Tls13TraceReplay.AEAD.nonceLength();
            add(checks, step, "PRK", replay.derivedSecrets.get(Tls13TraceReplay.trafficLabel(sender, epoch)));
            add(checks, step, "key info", Tls13Hkdf.hkdfLabel(keyLength, "key", new byte[0]));
            add(checks, step, "key expanded", keys.key());
            add(checks, step, "iv info", Tls13Hkdf.hkdfLabel(ivLength, "iv", new byte[0]));
            add(checks, step, "iv expanded", keys.iv());
        } else if (action.equals("calculate finished \"tls13 finished\"")) {
            TraceSide sender = step.side();
            byte[] baseKey = replay.derivedSecrets.get(Tls13TraceReplay.trafficLabel(sender, Epoch.HANDSHAKE));
            addExpansion(checks, step, baseKey, "finished", new byte[0], replay.finishedKeys.get(sender));
            add(checks, step, "finished", replay.verifyData.get(sender));
        } else if (action.equals("calculate PSK binder")) {
            add(checks, step, "ClientHello prefix", replay.truncatedClientHello);
            add(checks, step, "binder hash", replay.binderHash);
            addExpansion(checks, step, replay.binderKey, "finished", new byte[0], replay.binderFinishedKey);
            add(checks, step, "finished", replay.binder);
        } else if (action.equals("generate resumption secret \"tls13 resumption\"")) {
            addExpansion(checks, step, replay.derivedSecrets.get("res master"), "resumption", replay.ticketNonce, replay.ticketPsk);
        } else if (construct.matches()) {
            checks.add(constructedMessage(step, construct.group(1)));
        } else {
            throw new IllegalStateException("no test covers trace step " + step + " showing " + step.values().keySet());
        }
        if (checks.size() != step.values().size()) {
            throw new IllegalStateException(step + " shows " + step.values().keySet() + " but only "
                    + checks.stream().map(Check::field).toList() + " are checked");
        }
        return Optional.of(checks);
    }

    /** The four values of an HKDF-Expand-Label step: PRK, hash (the context), info and expanded. */
    private void addExpansion(List<Check> checks, TraceStep step, byte[] secret, String label, byte[] context, byte[] expanded) {
        add(checks, step, "PRK", secret);
        add(checks, step, "hash", context);
        add(checks, step, "info", Tls13Hkdf.hkdfLabel(expanded.length, label, context));
        add(checks, step, "expanded", expanded);
    }

    private Check constructedMessage(TraceStep step, String messageName) {
        String field = step.values().keySet().iterator().next();
        Integer type = MESSAGE_TYPES.get(messageName);
        if (type == null) { // NewSessionTicket: after the handshake
            return new Check(step, field, step.value(field), concat(replay.postHandshakeMessages));
        }
        int occurrence = constructedSoFar.merge(messageName, 1, Integer::sum) - 1;
        byte[] message = replay.message(type, occurrence);
        byte[] shown = step.value(field);
        boolean truncatedBeforeBinders = type == HandshakeMessages.CLIENT_HELLO
                && shown.length == HandshakeMessages.bindersOffset(message);
        // The resumed trace shows its ClientHello as constructed before the binders are filled in.
        byte[] actual = truncatedBeforeBinders ? Arrays.copyOf(message, shown.length) : message;
        return new Check(step, field, shown, actual);
    }

    private static void add(List<Check> checks, TraceStep step, String field, byte[] actual) {
        checks.add(new Check(step, field, step.value(field), actual));
    }

    private static byte[] concat(List<byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        parts.forEach(out::writeBytes);
        return out.toByteArray();
    }
}
