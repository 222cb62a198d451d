package io.tlsmachine.impl.keyschedule;

import static io.tlsmachine.impl.keyschedule.HandshakeMessages.CLIENT_HELLO;
import static io.tlsmachine.impl.keyschedule.HandshakeMessages.FINISHED;
import static io.tlsmachine.impl.keyschedule.HandshakeMessages.NEW_SESSION_TICKET;
import static io.tlsmachine.impl.keyschedule.HandshakeMessages.SERVER_HELLO;

import io.tlsmachine.impl.crypto.AeadAlgorithm;
import io.tlsmachine.impl.crypto.CryptoProvider;
import io.tlsmachine.impl.crypto.HashAlgorithm;
import io.tlsmachine.impl.crypto.Secret;
import io.tlsmachine.impl.crypto.providers.CryptoProviders;
import io.tlsmachine.impl.vectors.Tls13Trace;
import io.tlsmachine.impl.vectors.TraceScenario;
import io.tlsmachine.impl.vectors.TraceSide;
import io.tlsmachine.impl.vectors.TraceStep;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Test helper: runs one example trace through the production key schedule and transcript, from
 * the trace's inputs only (its handshake messages, its (EC)DHE shared secret, and for the resumed
 * handshake the ticket PSK computed from the first trace), and keeps every value it derived.
 *
 * <p>{@link Tls13TraceChecks} then pairs each value the trace shows with the value derived here.
 */
final class Tls13TraceReplay {
    /** Every trace negotiates TLS_AES_128_GCM_SHA256 (ServerHello cipher_suite 13 01). */
    static final HashAlgorithm HASH = HashAlgorithm.SHA256;
    static final AeadAlgorithm AEAD = AeadAlgorithm.AES_128_GCM;
    /** The provider of the named tests; {@link #of(Tls13Trace, CryptoProvider)} replays with any. */
    static final CryptoProvider PROVIDER = CryptoProviders.jdk();

    /** The record protection epochs of RFC 8446 §7.3 whose keys the traces show. */
    enum Epoch { EARLY, HANDSHAKE, APPLICATION }

    /** The key and IV of one sender in one epoch. */
    record Keys(byte[] key, byte[] iv) {}

    private static final Map<String, Tls13TraceReplay> REPLAYS = new HashMap<>();

    final Tls13Trace trace;
    final TraceScenario scenario;
    final CryptoProvider provider;
    final Tls13Hkdf hkdf;
    /** The messages of the transcript, in order (ClientHello ... client Finished). */
    final List<byte[]> transcriptMessages = new ArrayList<>();
    /** Handshake messages after the handshake (NewSessionTicket). */
    final List<byte[]> postHandshakeMessages = new ArrayList<>();

    byte[] psk;
    byte[] sharedSecret;
    byte[] earlySecret;
    byte[] derivedForHandshake;
    byte[] handshakeSecret;
    byte[] derivedForMaster;
    byte[] masterSecret;

    byte[] truncatedClientHello;
    byte[] binderHash;
    byte[] binderKey;
    byte[] binderFinishedKey;
    byte[] binder;

    byte[] hashAfterClientHello;
    byte[] hashAfterServerHello;
    byte[] hashBeforeServerFinished;
    byte[] hashAfterServerFinished;
    byte[] hashBeforeClientFinished;
    byte[] hashAfterClientFinished;

    /** Derive-Secret results by label ("c hs traffic", "res master", ...). */
    final Map<String, byte[]> derivedSecrets = new HashMap<>();
    /** The transcript hash each Derive-Secret label was given. */
    final Map<String, byte[]> derivedHashes = new HashMap<>();
    final Map<TraceSide, Map<Epoch, Keys>> keys = new EnumMap<>(TraceSide.class);
    final Map<TraceSide, byte[]> finishedKeys = new EnumMap<>(TraceSide.class);
    final Map<TraceSide, byte[]> verifyData = new EnumMap<>(TraceSide.class);

    byte[] ticketNonce;
    byte[] ticketPsk;

    private Tls13TraceReplay(Tls13Trace trace, CryptoProvider provider) {
        this.trace = trace;
        this.provider = provider;
        this.hkdf = new Tls13Hkdf(provider, HASH);
        this.scenario = trace.scenario();
        readMessages();
        sharedSecret = scenario.step(TraceSide.SERVER, "extract secret \"handshake\"").value("IKM");
        psk = trace == Tls13Trace.RESUMED_0RTT ? of(Tls13Trace.SIMPLE_1RTT, provider).ticketPsk.clone() : null;
        replay();
    }

    /** Returns the replay of a trace with the JDK provider (computed once per test JVM). */
    static Tls13TraceReplay of(Tls13Trace trace) {
        return of(trace, PROVIDER);
    }

    /** Returns the replay of a trace with {@code provider} (computed once per test JVM). */
    static synchronized Tls13TraceReplay of(Tls13Trace trace, CryptoProvider provider) {
        String key = trace + "/" + provider.name();
        Tls13TraceReplay replay = REPLAYS.get(key);
        if (replay == null) {
            replay = new Tls13TraceReplay(trace, provider);
            REPLAYS.put(key, replay);
        }
        return replay;
    }

    /** Returns the traffic secret label of a sender and epoch, e.g. "s hs traffic". */
    static String trafficLabel(TraceSide sender, Epoch epoch) {
        String who = sender == TraceSide.CLIENT ? "c" : "s";
        return switch (epoch) {
            case EARLY -> "c e traffic";
            case HANDSHAKE -> who + " hs traffic";
            case APPLICATION -> who + " ap traffic";
        };
    }

    /** Returns the first transcript message of this type after {@code skip} others of the same type. */
    byte[] message(int type, int skip) {
        int seen = 0;
        for (byte[] message : transcriptMessages) {
            if (HandshakeMessages.type(message) == type && seen++ == skip) {
                return message;
            }
        }
        throw new IllegalArgumentException(trace + " has no message of type " + type + " #" + skip);
    }

    /** Returns the last ClientHello (the one the keys depend on). */
    byte[] finalClientHello() {
        byte[] last = null;
        for (byte[] message : transcriptMessages) {
            if (HandshakeMessages.type(message) == CLIENT_HELLO) {
                last = message;
            }
        }
        return last;
    }

    private void readMessages() {
        for (TraceStep step : scenario.steps()) {
            if (!step.action().equals("send handshake record") || !step.has("payload")) {
                continue;
            }
            for (byte[] message : HandshakeMessages.split(step.value("payload"))) {
                int type = HandshakeMessages.type(message);
                boolean postHandshake = type == NEW_SESSION_TICKET || type == HandshakeMessages.KEY_UPDATE;
                (postHandshake ? postHandshakeMessages : transcriptMessages).add(message);
            }
        }
    }

    private void replay() {
        // A client offering a PSK knows its hash before ServerHello; otherwise the hash waits for it.
        Transcript transcript = psk == null ? Transcript.awaitingHash(provider) : Transcript.using(provider, HASH);
        EarlySecret early = psk == null ? EarlySecret.withoutPsk(hkdf) : EarlySecret.fromPsk(hkdf, Secret.copyOf(psk));
        earlySecret = copy(early.secret());
        int finishedSeen = 0;
        for (byte[] message : transcriptMessages) {
            switch (HandshakeMessages.type(message)) {
                case CLIENT_HELLO -> {
                    int bindersOffset = HandshakeMessages.bindersOffset(message);
                    if (bindersOffset >= 0) {
                        computeBinder(early, transcript, message, bindersOffset);
                    }
                    transcript.add(message);
                    if (transcript.hashSelected()) {
                        hashAfterClientHello = transcript.currentHash();
                    }
                }
                case SERVER_HELLO -> {
                    if (!transcript.hashSelected()) {
                        transcript.selectHash(HASH);
                    }
                    if (HandshakeMessages.isHelloRetryRequest(message)) {
                        transcript.replaceClientHelloWithMessageHash();
                        transcript.add(message);
                    } else {
                        transcript.add(message);
                        hashAfterServerHello = transcript.currentHash();
                    }
                }
                case FINISHED -> {
                    boolean serverFinished = finishedSeen++ == 0;
                    if (serverFinished) {
                        hashBeforeServerFinished = transcript.currentHash();
                    } else {
                        hashBeforeClientFinished = transcript.currentHash();
                    }
                    transcript.add(message);
                    if (serverFinished) {
                        hashAfterServerFinished = transcript.currentHash();
                    } else {
                        hashAfterClientFinished = transcript.currentHash();
                    }
                }
                default -> transcript.add(message);
            }
        }
        deriveSecrets(early);
    }

    private void computeBinder(EarlySecret early, Transcript transcript, byte[] clientHello, int bindersOffset) {
        truncatedClientHello = java.util.Arrays.copyOf(clientHello, bindersOffset);
        binderHash = transcript.hashWithTruncatedClientHello(HASH, clientHello, bindersOffset);
        BinderKey key = early.binderKey(PskKind.RESUMPTION);
        binderKey = copy(key.secret());
        binderFinishedKey = key.finishedKey().bytes().clone();
        binder = key.binder(binderHash);
        key.destroy();
    }

    private void deriveSecrets(EarlySecret early) {
        Map<String, TrafficSecret> traffic = new HashMap<>();
        if (psk != null) {
            traffic.put("c e traffic", early.clientEarlyTrafficSecret(hashAfterClientHello));
            record("c e traffic", hashAfterClientHello, traffic.get("c e traffic").secret());
            ExporterMasterSecret earlyExporter = early.earlyExporterMasterSecret(hashAfterClientHello);
            record("e exp master", hashAfterClientHello, earlyExporter.secret());
        }
        derivedForHandshake = copy(hkdf.deriveSecret(early.secret(), "derived", hkdf.emptyHash()));
        HandshakeSecret handshake = early.toHandshakeSecret(Secret.copyOf(sharedSecret));
        handshakeSecret = copy(handshake.secret());
        for (String label : List.of("c hs traffic", "s hs traffic")) {
            TrafficSecret secret = label.startsWith("c")
                    ? handshake.clientHandshakeTrafficSecret(hashAfterServerHello)
                    : handshake.serverHandshakeTrafficSecret(hashAfterServerHello);
            traffic.put(label, secret);
            record(label, hashAfterServerHello, secret.secret());
        }
        derivedForMaster = copy(hkdf.deriveSecret(handshake.secret(), "derived", hkdf.emptyHash()));
        MasterSecret master = handshake.toMasterSecret();
        masterSecret = copy(master.secret());
        traffic.put("c ap traffic", master.clientApplicationTrafficSecret(hashAfterServerFinished));
        traffic.put("s ap traffic", master.serverApplicationTrafficSecret(hashAfterServerFinished));
        record("c ap traffic", hashAfterServerFinished, traffic.get("c ap traffic").secret());
        record("s ap traffic", hashAfterServerFinished, traffic.get("s ap traffic").secret());
        record("exp master", hashAfterServerFinished, master.exporterMasterSecret(hashAfterServerFinished).secret());
        ResumptionMasterSecret resumption = master.resumptionMasterSecret(hashAfterClientFinished);
        record("res master", hashAfterClientFinished, resumption.secret());
        master.destroy();

        for (TraceSide sender : TraceSide.values()) {
            Map<Epoch, Keys> byEpoch = new EnumMap<>(Epoch.class);
            for (Epoch epoch : Epoch.values()) {
                TrafficSecret secret = traffic.get(trafficLabel(sender, epoch));
                if (secret != null && !(epoch == Epoch.EARLY && sender == TraceSide.SERVER)) {
                    TrafficKeys trafficKeys = secret.trafficKeys(AEAD);
                    byEpoch.put(epoch, new Keys(copy(trafficKeys.key()), copy(trafficKeys.iv())));
                }
            }
            keys.put(sender, byEpoch);
            TrafficSecret handshakeTraffic = traffic.get(trafficLabel(sender, Epoch.HANDSHAKE));
            finishedKeys.put(sender, handshakeTraffic.finishedKey().bytes().clone());
            byte[] hashBeforeFinished = sender == TraceSide.SERVER ? hashBeforeServerFinished : hashBeforeClientFinished;
            verifyData.put(sender, handshakeTraffic.finishedVerifyData(hashBeforeFinished));
        }

        if (!postHandshakeMessages.isEmpty()) {
            ticketNonce = HandshakeMessages.ticketNonce(postHandshakeMessages.get(0));
            ticketPsk = resumption.ticketPsk(ticketNonce).bytes().clone();
        }
    }

    private void record(String label, byte[] transcriptHash, Secret secret) {
        derivedSecrets.put(label, copy(secret));
        derivedHashes.put(label, transcriptHash.clone());
    }

    private static byte[] copy(Secret secret) {
        return secret.bytes().clone();
    }
}
