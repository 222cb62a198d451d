package io.tlsmachine.impl.engine;

import io.tlsmachine.TlsEngine;
import static io.tlsmachine.impl.engine.EngineFixtures.EC;

import io.tlsmachine.TlsConfig;
import io.tlsmachine.impl.codec.types.ContentType;
import io.tlsmachine.CipherSuite;
import io.tlsmachine.TlsException;
import io.tlsmachine.impl.fuzz.FuzzOracle;
import io.tlsmachine.KeyLogLabel;
import io.tlsmachine.impl.record.ReceivedRecord;
import io.tlsmachine.impl.record.RecordReader;
import io.tlsmachine.impl.record.Tls13AeadProtection;
import io.tlsmachine.model.ProtocolVersion;
import io.tlsmachine.testkit.ModelPathWatch;
import io.tlsmachine.impl.codec.types.VersionCode;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Drives one engine (server or client) with fuzzed peer records at every point of a recorded handshake of each
 * version: a seeded client and server talk once (TLS 1.3 with TLS_AES_128_GCM_SHA256 and TLS 1.2, the client then
 * sends application data); a fresh engine under test, seeded alike, is replayed the peer's first {@code k} records,
 * which brings it to the same state, and then gets the fuzzer's bytes in place of the rest.
 *
 * <p>Input layout: byte 0 picks the cut (version and {@code k}), byte 1 the mode: bit 0 set means the rest is a list of
 * records {@code type(1) length(2) content}, which the harness frames or seals with the peer's key of that point (TLS
 * 1.3 keys from the recording's key log; TLS 1.2 records after the peer's change_cipher_spec are framed as plaintext),
 * so the fuzzer reaches the engine past the AEAD; bit 0 clear means the rest goes on the wire as it is. Bits 1 to 7 are
 * the size of each feed (0: all at once). Seeds are each cut's genuine continuation in both modes.
 *
 * <p>Oracle: {@code feed} never throws; once the engine FAILED with an alert to send, the bytes it gave last end with
 * that one alert record, and it sends nothing more; output and allocation stay bounded; the trace is a path of the
 * model (the testkit's watch is on for every engine).
 */
final class EngineFuzzing {
    private static final long CLIENT_SEED = 0xC11E;
    private static final long SERVER_SEED = 0x5E4E;
    /** Generous: the largest flight (certificate chain) plus an alert, many times over. */
    static final int MAX_OUTPUT_PER_INPUT = 256 * 1024;

    enum Side { SERVER, CLIENT }

    /** How the records after a cut are protected by the peer: plaintext, or TLS 1.3 AEAD from a secret at a sequence. */
    record Sealing(KeyLogLabel label, long sequence) {
        static final Sealing PLAINTEXT = new Sealing(null, 0);
    }

    /** One point of a recorded handshake: the peer's first {@code replayed} records, then what the peer sent next. */
    record Cut(String name, Recording recording, int replayed, Sealing sealing, List<byte[]> genuineRecords) {
    }

    /** One recorded connection: the records each side sent, and the key log of the client. */
    record Recording(ProtocolVersion version, List<byte[]> clientRecords, List<byte[]> serverRecords, CapturingKeyLog log) {
        List<byte[]> peerRecords(Side side) {
            return side == Side.SERVER ? clientRecords : serverRecords;
        }
    }

    private static final Map<Side, List<Cut>> CUTS = new LinkedHashMap<>();

    private EngineFuzzing() {
    }

    static TlsConfig config(Side side, ProtocolVersion version) {
        return config(side, version, null);
    }

    private static TlsConfig config(Side side, ProtocolVersion version, CapturingKeyLog log) {
        if (side == Side.CLIENT) {
            var builder = EngineFixtures.client(EC).versions(version).random(EngineFixtures.seeded(CLIENT_SEED));
            if (version == ProtocolVersion.TLS13) {
                builder.cipherSuites(CipherSuite.TLS_AES_128_GCM_SHA256);
            }
            if (log != null) {
                builder.keyLog(log);
            }
            return builder.build();
        }
        return EngineFixtures.server(EC).random(EngineFixtures.seeded(SERVER_SEED)).build();
    }

    static synchronized List<Cut> cuts(Side side) {
        return CUTS.computeIfAbsent(side, EngineFuzzing::computeCuts);
    }

    private static List<Cut> computeCuts(Side side) {
        List<Cut> cuts = new ArrayList<>();
        for (ProtocolVersion version : List.of(ProtocolVersion.TLS13, ProtocolVersion.TLS12)) {
            Recording recording = record(version);
            List<byte[]> peer = recording.peerRecords(side);
            for (int k = 0; k <= peer.size(); k++) {
                String name = version.name().toLowerCase() + "-" + side.name().toLowerCase() + "-after-" + k + "-peer-records";
                cuts.add(new Cut(name, recording, k, sealingAt(recording, side, k), peer.subList(k, peer.size())));
            }
        }
        return List.copyOf(cuts);
    }

    private static Recording record(ProtocolVersion version) {
        CapturingKeyLog log = new CapturingKeyLog();
        EngineFixtures.Pair pair = new EngineFixtures.Pair(config(Side.CLIENT, version, log),
                config(Side.SERVER, version)).handshake();
        pair.client.writeApplicationData("ping".getBytes(StandardCharsets.US_ASCII));
        pair.pump();
        if (!pair.client.isHandshakeComplete() || !pair.server.isHandshakeComplete()) {
            throw new AssertionError("the recorded " + version + " handshake did not complete");
        }
        return new Recording(version, TestRecords.split(concat(pair.clientToServer)),
                TestRecords.split(concat(pair.serverToClient)), log);
    }

    /** TLS 1.3: plaintext until the first protected record, then the handshake secret while it opens, then the traffic secret. */
    private static Sealing sealingAt(Recording recording, Side side, int k) {
        if (recording.version() != ProtocolVersion.TLS13) {
            return Sealing.PLAINTEXT;
        }
        boolean peerIsClient = side == Side.SERVER;
        KeyLogLabel handshake = peerIsClient ? KeyLogLabel.CLIENT_HANDSHAKE_TRAFFIC_SECRET
                : KeyLogLabel.SERVER_HANDSHAKE_TRAFFIC_SECRET;
        KeyLogLabel traffic = peerIsClient ? KeyLogLabel.CLIENT_TRAFFIC_SECRET_0 : KeyLogLabel.SERVER_TRAFFIC_SECRET_0;
        List<byte[]> peer = recording.peerRecords(side);
        long handshakeRecords = 0;
        long trafficRecords = 0;
        for (int i = 0; i < k; i++) {
            if (peer.get(i)[0] != ContentType.APPLICATION_DATA.code()) {
                continue;
            }
            if (trafficRecords == 0 && opens(recording.log(), handshake, handshakeRecords, peer.get(i))) {
                handshakeRecords++;
            } else {
                trafficRecords++;
            }
        }
        boolean anyProtectedBefore = handshakeRecords + trafficRecords > 0;
        boolean nextIsHandshake = k < peer.size() && peer.get(k)[0] == ContentType.APPLICATION_DATA.code()
                && trafficRecords == 0 && opens(recording.log(), handshake, handshakeRecords, peer.get(k));
        if (nextIsHandshake) {
            return new Sealing(handshake, handshakeRecords);
        }
        if (anyProtectedBefore || (k < peer.size() && peer.get(k)[0] == ContentType.APPLICATION_DATA.code())) {
            return new Sealing(traffic, trafficRecords);
        }
        return Sealing.PLAINTEXT;
    }

    private static boolean opens(CapturingKeyLog log, KeyLogLabel label, long sequence, byte[] record) {
        try {
            RecordKeys.open(log, label, sequence, record);
            return true;
        } catch (TlsException notThisKey) {
            return false;
        }
    }

    /** Runs one fuzz input against a fresh engine of {@code side}; throws AssertionError when the oracle fails. */
    static void run(Side side, byte[] input) {
        if (input.length < 2) {
            return;
        }
        List<Cut> cuts = cuts(side);
        Cut cut = cuts.get((input[0] & 0xFF) % cuts.size());
        boolean records = (input[1] & 1) != 0;
        int piece = (input[1] & 0xFF) >>> 1;
        byte[] payload = Arrays.copyOfRange(input, 2, input.length);
        byte[] wire = records ? seal(cut, payload) : payload;

        // The assembler holds at most one handshake message (256 KiB by default), the reader one record: 32 MiB and a
        // multiple of the input, far below what a trusted 16 MiB length field would cost.
        FuzzOracle.withinAllocationOnce(cut.name() + ": feeding " + wire.length + " bytes", (32L << 20) + 64L * wire.length,
                () -> {
                    TlsEngine engine = engineAfterPrefix(side, cut);
                    return () -> feedChecked(engine, wire, piece, cut.name());
                });
        List<String> violations = ModelPathWatch.drainViolations();
        if (!violations.isEmpty()) {
            throw new AssertionError(cut.name() + ": not a path of the model: " + violations);
        }
    }

    /** A fresh engine of {@code side} that has consumed the cut's replayed prefix of the recorded handshake. */
    private static TlsEngine engineAfterPrefix(Side side, Cut cut) {
        TlsEngine engine = side == Side.SERVER ? TlsEngine.server(config(side, cut.recording().version()))
                : TlsEngine.client(config(side, cut.recording().version()));
        engine.beginHandshake();
        engine.drainOutbound();
        for (byte[] record : cut.recording().peerRecords(side).subList(0, cut.replayed())) {
            engine.feed(record);
            engine.drainOutbound();
        }
        if (engine.isFailed()) {
            throw new AssertionError(cut.name() + ": the replayed prefix failed: " + engine.failure().orElseThrow());
        }
        return engine;
    }

    private static void feedChecked(TlsEngine engine, byte[] wire, int piece, String where) {
        int step = piece == 0 ? Math.max(1, wire.length) : piece;
        long output = 0;
        boolean failedBefore = false;
        for (int at = 0; at < wire.length; at += step) {
            byte[] chunk = Arrays.copyOfRange(wire, at, Math.min(wire.length, at + step));
            try {
                engine.feed(chunk);
            } catch (RuntimeException e) {
                throw new AssertionError(where + ": feed threw " + e, e);
            }
            byte[] out = engine.drainOutbound();
            output += out.length;
            if (output > MAX_OUTPUT_PER_INPUT) {
                throw new AssertionError(where + ": " + output + " bytes of output for " + wire.length + " bytes of input");
            }
            if (failedBefore && out.length > 0) {
                throw new AssertionError(where + ": " + out.length + " bytes sent after the engine failed");
            }
            if (engine.isFailed() && !failedBefore) {
                failedBefore = true;
                TlsException failure = engine.failure().orElseThrow();
                if (!engine.state().terminal()) {
                    throw new AssertionError(where + ": failed but in state " + engine.state());
                }
                if (failure.reason().alertToSend().isPresent()) {
                    FuzzOracle.assertTurnsIntoAnAlert(failure);
                    assertEndsWithOneAlert(out, failure, where);
                }
            }
        }
    }

    /**
     * The last record sent is the alert: in plaintext its level is fatal and its description the failure's; under keys
     * it has the length of a sealed alert (TLS 1.3: 2 + 1 + 16 bytes; TLS 1.2: 8 + 2 + 16 with AES-GCM, 2 + 16 with
     * ChaCha20-Poly1305).
     */
    private static void assertEndsWithOneAlert(byte[] out, TlsException failure, String where) {
        List<byte[]> sent = TestRecords.split(out);
        if (sent.isEmpty()) {
            throw new AssertionError(where + ": failed with " + failure.reason() + " but sent no alert");
        }
        byte[] last = sent.get(sent.size() - 1);
        int length = last.length - 5;
        boolean plainAlert = last[0] == ContentType.ALERT.code() && length == 2 && last[5] == 2
                && (last[6] & 0xFF) == failure.reason().alertToSend().orElseThrow().code();
        boolean sealedAlert = (last[0] == ContentType.APPLICATION_DATA.code() && length == 19)
                || (last[0] == ContentType.ALERT.code() && (length == 26 || length == 18));
        if (!plainAlert && !sealedAlert) {
            throw new AssertionError(where + ": failed with " + failure.reason() + " but the last record sent is "
                    + last[0] + " of " + length + " bytes");
        }
    }

    /** Frames (plaintext) or seals (TLS 1.3 keys) the fuzzer's records {@code type(1) length(2) content}. */
    static byte[] seal(Cut cut, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Tls13AeadProtection protection = cut.sealing().label() == null ? null
                : RecordKeys.protection(cut.recording().log(), cut.sealing().label(), cut.sealing().sequence());
        int at = 0;
        while (at + 3 <= payload.length) {
            ContentType type = TYPES[(payload[at] & 0xFF) % TYPES.length];
            int length = Math.min(((payload[at + 1] & 0xFF) << 8) | (payload[at + 2] & 0xFF), payload.length - at - 3);
            length = Math.min(length, 1 << 14);
            byte[] content = Arrays.copyOfRange(payload, at + 3, at + 3 + length);
            at += 3 + length;
            out.writeBytes(protection == null ? TestRecords.plaintext(type.code(), content)
                    : protection.seal(type, VersionCode.TLS12, content, 0, content.length, 0));
        }
        return out.toByteArray();
    }

    private static final ContentType[] TYPES = {
        ContentType.HANDSHAKE, ContentType.ALERT, ContentType.APPLICATION_DATA, ContentType.CHANGE_CIPHER_SPEC};

    /** The genuine continuation of {@code cut} as a records-mode payload: each peer record's type and content. */
    static byte[] genuineRecordsPayload(Cut cut, Side side) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long sequence = cut.sealing().sequence();
        KeyLogLabel label = cut.sealing().label();
        boolean peerSentChangeCipherSpec = false;
        for (byte[] record : cut.genuineRecords()) {
            boolean tls13 = cut.recording().version() == ProtocolVersion.TLS13;
            if (label == null && (tls13 ? record[0] == ContentType.APPLICATION_DATA.code() : peerSentChangeCipherSpec)) {
                break; // protected records this cut cannot seal: the raw seed carries them
            }
            peerSentChangeCipherSpec |= record[0] == ContentType.CHANGE_CIPHER_SPEC.code();
            ContentType type;
            byte[] content;
            if (label != null && record[0] == ContentType.APPLICATION_DATA.code()) {
                RecordReader reader = new RecordReader();
                reader.setProtection(RecordKeys.protection(cut.recording().log(), label, sequence++));
                ReceivedRecord opened;
                try {
                    opened = reader.read(ByteBuffer.wrap(record));
                } catch (TlsException keysChanged) {
                    break; // the peer switched keys (handshake to traffic): the seed stops here
                }
                type = opened.type();
                content = opened.fragment();
            } else {
                type = new ContentType(record[0] & 0xFF);
                content = Arrays.copyOfRange(record, 5, record.length);
            }
            out.write(Arrays.asList(TYPES).indexOf(type));
            out.write(content.length >>> 8);
            out.write(content.length);
            out.writeBytes(content);
        }
        return out.toByteArray();
    }

    /** Seeds for {@code side}: per cut, the genuine continuation in records mode and as raw wire bytes. */
    static Map<String, byte[]> seeds(Side side) {
        Map<String, byte[]> seeds = new LinkedHashMap<>();
        List<Cut> cuts = cuts(side);
        for (int i = 0; i < cuts.size(); i++) {
            Cut cut = cuts.get(i);
            seeds.put(cut.name() + "-records", concat(List.of(new byte[] {(byte) i, 1}, genuineRecordsPayload(cut, side))));
            seeds.put(cut.name() + "-raw", concat(List.of(new byte[] {(byte) i, 0}, concat(cut.genuineRecords()))));
        }
        return seeds;
    }

    private static byte[] concat(List<byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        parts.forEach(out::writeBytes);
        return out.toByteArray();
    }
}
