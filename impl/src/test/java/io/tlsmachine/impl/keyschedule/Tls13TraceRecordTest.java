package io.tlsmachine.impl.keyschedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.impl.codec.types.ContentType;
import io.tlsmachine.impl.codec.types.VersionCode;
import io.tlsmachine.impl.crypto.Secret;
import io.tlsmachine.impl.keyschedule.Tls13TraceReplay.Epoch;
import io.tlsmachine.impl.keyschedule.Tls13TraceReplay.Keys;
import io.tlsmachine.impl.record.PlaintextProtection;
import io.tlsmachine.impl.record.RecordProtection;
import io.tlsmachine.impl.record.Tls13AeadProtection;
import io.tlsmachine.impl.vectors.Tls13Trace;
import io.tlsmachine.impl.vectors.TraceSide;
import io.tlsmachine.impl.vectors.TraceStep;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Reproduces every record of the five example traces, byte for byte, by protecting each payload
 * with the record layer ({@code impl.record}) keyed with the traffic keys and IVs our key schedule
 * derived (RFC 8446 §5.2, §5.3): a check of keys, IVs, epochs and sequence numbers together.
 */
class Tls13TraceRecordTest {
    private static final HexFormat HEX = HexFormat.ofDelimiter(" ");

    /** One record of a trace and the bytes the record layer produced for it. */
    private record SealedRecord(TraceStep step, io.tlsmachine.model.Epoch epoch, long sequence, byte[] expected, byte[] actual) {
        String name() {
            return step + (epoch == io.tlsmachine.model.Epoch.PLAINTEXT ? " in plaintext" : " under " + epoch + " keys, record " + sequence);
        }
    }

    @org.junit.jupiter.api.TestFactory
    Stream<DynamicNode> everyRecordOfEveryTraceIsReproducedFromTheDerivedKeys() {
        return Arrays.stream(Tls13Trace.values()).map(trace -> DynamicContainer.dynamicContainer(
                trace.section() + ". " + trace.scenario().title(),
                seal(trace).stream().map(record -> DynamicTest.dynamicTest(record.name(),
                        () -> assertThat(HEX.formatHex(record.actual())).isEqualTo(HEX.formatHex(record.expected()))))));
    }

    @ParameterizedTest
    @EnumSource(Tls13Trace.class)
    void protectedRecordsOfEveryEpochAppearInTrace(Tls13Trace trace) {
        List<SealedRecord> records = seal(trace);
        assertThat(records).extracting(SealedRecord::epoch)
                .contains(io.tlsmachine.model.Epoch.PLAINTEXT, io.tlsmachine.model.Epoch.HANDSHAKE, io.tlsmachine.model.Epoch.APPLICATION);
        if (trace == Tls13Trace.RESUMED_0RTT) {
            assertThat(records).extracting(SealedRecord::epoch).contains(io.tlsmachine.model.Epoch.EARLY);
        }
        assertThat(records).allSatisfy(r -> assertThat(r.actual()).isEqualTo(r.expected()));
    }

    /**
     * Seals every record of a trace in file order. Each sender starts protecting under early keys
     * when it has them (the resumed trace's client), else handshake keys; EndOfEarlyData ends the
     * early epoch and a sender's Finished ends its handshake epoch (RFC 8446 §2, Figure 4).
     */
    private static List<SealedRecord> seal(Tls13Trace trace) {
        Tls13TraceReplay replay = Tls13TraceReplay.of(trace);
        Map<TraceSide, Epoch> epochs = new EnumMap<>(TraceSide.class);
        for (TraceSide side : TraceSide.values()) {
            epochs.put(side, replay.keys.get(side).containsKey(Epoch.EARLY) ? Epoch.EARLY : Epoch.HANDSHAKE);
        }
        Map<TraceSide, RecordProtection> protections = new EnumMap<>(TraceSide.class);
        Map<TraceSide, Long> sequences = new EnumMap<>(TraceSide.class);
        List<SealedRecord> sealed = new ArrayList<>();
        for (TraceStep step : replay.scenario.steps()) {
            if (!step.action().startsWith("send ") || !step.has("complete record")) {
                continue;
            }
            TraceSide sender = step.side();
            ContentType type = contentType(step.action());
            byte[] payload = step.value("payload");
            byte[] expected = step.value("complete record");
            boolean plaintext = expected[0] != ContentType.APPLICATION_DATA.code();
            if (plaintext) {
                VersionCode legacyVersion = new VersionCode(HandshakeMessages.u16(expected, 1));
                byte[] actual = PlaintextProtection.INSTANCE.seal(type, legacyVersion, payload, 0, payload.length, 0);
                sealed.add(new SealedRecord(step, io.tlsmachine.model.Epoch.PLAINTEXT, 0, expected, actual));
                continue;
            }
            Epoch epoch = epochs.get(sender);
            RecordProtection protection = protections.computeIfAbsent(sender, s -> protection(replay, s, epoch));
            long sequence = sequences.merge(sender, 1L, Long::sum) - 1;
            byte[] actual = protection.seal(type, VersionCode.TLS12, payload, 0, payload.length, 0);
            sealed.add(new SealedRecord(step, protection.epoch(), sequence, expected, actual));
            if (type.equals(ContentType.HANDSHAKE)) {
                Epoch next = nextEpoch(epoch, HandshakeMessages.split(payload));
                if (next != epoch) {
                    epochs.put(sender, next);
                    protections.remove(sender).destroy();
                    sequences.remove(sender);
                }
            }
        }
        return sealed;
    }

    private static Epoch nextEpoch(Epoch current, List<byte[]> messages) {
        Epoch epoch = current;
        for (byte[] message : messages) {
            int type = HandshakeMessages.type(message);
            if (type == HandshakeMessages.END_OF_EARLY_DATA) {
                epoch = Epoch.HANDSHAKE;
            } else if (type == HandshakeMessages.FINISHED) {
                epoch = Epoch.APPLICATION;
            }
        }
        return epoch;
    }

    private static RecordProtection protection(Tls13TraceReplay replay, TraceSide sender, Epoch epoch) {
        Keys keys = replay.keys.get(sender).get(epoch);
        io.tlsmachine.model.Epoch recordEpoch = io.tlsmachine.model.Epoch.valueOf(epoch.name());
        return new Tls13AeadProtection(recordEpoch,
                replay.provider.aead(Tls13TraceReplay.AEAD, Secret.copyOf(keys.key())), keys.iv());
    }

    private static ContentType contentType(String sendAction) {
        return switch (sendAction) {
            case "send handshake record" -> ContentType.HANDSHAKE;
            case "send application_data record" -> ContentType.APPLICATION_DATA;
            case "send alert record" -> ContentType.ALERT;
            case "send change_cipher_spec record" -> ContentType.CHANGE_CIPHER_SPEC;
            default -> throw new IllegalArgumentException("unknown record step: " + sendAction);
        };
    }
}
