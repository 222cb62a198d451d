package io.tlsmachine.verification.engine;

import io.tlsmachine.model.analysis.Role;
import io.tlsmachine.impl.codec.types.ContentType;
import io.tlsmachine.impl.crypto.Aead;
import io.tlsmachine.impl.crypto.AeadAlgorithm;
import io.tlsmachine.impl.crypto.CryptoProvider;
import io.tlsmachine.impl.crypto.Secret;
import io.tlsmachine.impl.handshake.SuiteParameters;
import io.tlsmachine.KeyLog;
import io.tlsmachine.KeyLogLabel;
import io.tlsmachine.impl.keyschedule.Tls12MasterSecret;
import io.tlsmachine.impl.keyschedule.Tls12Prf;
import io.tlsmachine.impl.keyschedule.Tls13Hkdf;
import io.tlsmachine.impl.keyschedule.TrafficKeys;
import io.tlsmachine.impl.keyschedule.TrafficSecret;
import io.tlsmachine.impl.record.RecordProtection;
import io.tlsmachine.impl.record.Tls12AeadProtection;
import io.tlsmachine.impl.record.Tls13AeadProtection;
import io.tlsmachine.model.Epoch;
import io.tlsmachine.model.ProtocolVersion;
import io.tlsmachine.impl.codec.types.VersionCode;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * The record keys the engine under test reads with, in each protected epoch of one honest run, rebuilt from the
 * secrets the scripted peer logged (NSS key log): so a deviant message can be sealed under the keys the victim
 * expects, and the model's rejection, not the record layer's bad_record_mac, is what a deviant tests. TLS 1.3: the
 * client_early_traffic_secret (a server reading 0-RTT), the peer's [sender]_handshake_traffic_secret and application_traffic_secret_0 (RFC 8446 §7.1, §7.3); TLS 1.2: the
 * peer's half of the key block (RFC 5246 §6.3) from the master secret and both randoms.
 */
final class ReadKeys {

    /** One record's content after opening: its real content type and its bytes. */
    record Plain(int type, byte[] content) {
    }

    /**
     * A key log that keeps the latest secret of each label of one scenario's connections in memory (test code only).
     * A resumed TLS 1.2 session logs the master secret of the session it resumes (the first connection's).
     */
    static final class Recorder implements KeyLog {
        private final Map<KeyLogLabel, byte[]> secrets = new EnumMap<>(KeyLogLabel.class);

        @Override
        public synchronized void log(KeyLogLabel label, byte[] random, byte[] secret) {
            secrets.put(label, secret);
        }

        @Override
        public boolean enabled() {
            return true;
        }
    }

    private final ProtocolVersion version;
    private final CryptoProvider crypto;
    private final Map<Epoch, TrafficKeys> keys;

    private ReadKeys(ProtocolVersion version, CryptoProvider crypto, Map<Epoch, TrafficKeys> keys) {
        this.version = version;
        this.crypto = crypto;
        this.keys = keys;
    }

    /**
     * Rebuilds the keys our engine in {@code victim} reads with, from what the two sides logged; the randoms are
     * needed for TLS 1.2 only.
     */
    static ReadKeys of(ProtocolVersion version, Role victim, SuiteParameters suite, CryptoProvider crypto, Recorder log,
            byte[] clientRandom, byte[] serverRandom) {
        Map<Epoch, TrafficKeys> keys = new EnumMap<>(Epoch.class);
        if (version == ProtocolVersion.TLS13) {
            Tls13Hkdf hkdf = new Tls13Hkdf(crypto, suite.hash());
            boolean client = victim == Role.CLIENT;
            if (!client) {
                // RFC 8446 §7.1, §4.2.10: a server that accepts 0-RTT reads the client's early data and EndOfEarlyData
                // under client_early_traffic_secret.
                put13(keys, Epoch.EARLY, hkdf, suite.aead(), log.secrets.get(KeyLogLabel.CLIENT_EARLY_TRAFFIC_SECRET));
            }
            put13(keys, Epoch.HANDSHAKE, hkdf, suite.aead(), log.secrets.get(client
                    ? KeyLogLabel.SERVER_HANDSHAKE_TRAFFIC_SECRET : KeyLogLabel.CLIENT_HANDSHAKE_TRAFFIC_SECRET));
            put13(keys, Epoch.APPLICATION, hkdf, suite.aead(), log.secrets.get(client
                    ? KeyLogLabel.SERVER_TRAFFIC_SECRET_0 : KeyLogLabel.CLIENT_TRAFFIC_SECRET_0));
        } else {
            Tls12MasterSecret master = Tls12MasterSecret.resumed(new Tls12Prf(crypto, suite.hash()),
                    Secret.copyOf(log.secrets.get(KeyLogLabel.CLIENT_RANDOM)));
            var block = master.keyBlock(suite.aead(), clientRandom, serverRandom);
            keys.put(Epoch.APPLICATION, victim == Role.CLIENT ? block.server() : block.client());
        }
        return new ReadKeys(version, crypto, keys);
    }

    private static void put13(Map<Epoch, TrafficKeys> keys, Epoch epoch, Tls13Hkdf hkdf, AeadAlgorithm aead, byte[] secret) {
        if (secret != null) {
            keys.put(epoch, TrafficSecret.of(hkdf, Secret.copyOf(secret)).trafficKeys(aead));
        }
    }

    /** Whether the victim reads protected records under {@code epoch} in this run. */
    boolean has(Epoch epoch) {
        return keys.containsKey(epoch);
    }

    /** Seals {@code content} as the {@code sequence}-th record (from 0) the victim reads under {@code epoch}. */
    byte[] seal(Epoch epoch, long sequence, int type, byte[] content) {
        TrafficKeys k = keys.get(epoch);
        RecordProtection protection = version == ProtocolVersion.TLS13 ? Tls13AeadProtection.create(epoch, crypto, k)
                : Tls12AeadProtection.create(epoch, crypto, k);
        VersionCode recordVersion = VersionCode.TLS12;
        for (long skipped = 0; skipped < sequence; skipped++) {
            protection.seal(new ContentType(type), recordVersion, new byte[1], 0, 1, 0);
        }
        return protection.seal(new ContentType(type), recordVersion, content, 0, content.length, 0);
    }

    /** Opens {@code record}, the {@code sequence}-th record the victim read under {@code epoch}. */
    Plain open(Epoch epoch, long sequence, byte[] record) {
        TrafficKeys k = keys.get(epoch);
        Aead aead = crypto.aead(k.aead(), k.key());
        byte[] header = Arrays.copyOf(record, 5);
        byte[] body = Arrays.copyOfRange(record, 5, record.length);
        if (version == ProtocolVersion.TLS13) {
            // RFC 8446 §5.2-5.4: additional data is the header; the inner plaintext ends with the type, then zeros.
            byte[] inner = aead.open(Tls13AeadProtection.nonce(k.iv().bytes(), sequence), header, body);
            int end = inner.length - 1;
            while (inner[end] == 0) {
                end--;
            }
            return new Plain(inner[end] & 0xFF, Arrays.copyOf(inner, end));
        }
        // RFC 5288 §3: GCM's nonce is salt || nonce_explicit (first 8 bytes of the body); RFC 7905 §2: ChaCha20-Poly1305
        // XORs the sequence number into the IV, no explicit part.
        int explicit = k.aead() == AeadAlgorithm.CHACHA20_POLY1305 ? 0 : 8;
        byte[] nonce = explicit == 0 ? Tls13AeadProtection.nonce(k.iv().bytes(), sequence)
                : Tls12AeadProtection.gcmNonce(k.iv().bytes(), body, 0);
        int length = body.length - explicit - k.aead().tagLength();
        byte[] aad = Tls12AeadProtection.additionalData(sequence, new ContentType(record[0] & 0xFF),
                VersionCode.TLS12, length);
        byte[] content = aead.open(nonce, aad, Arrays.copyOfRange(body, explicit, body.length));
        return new Plain(record[0] & 0xFF, content);
    }
}
