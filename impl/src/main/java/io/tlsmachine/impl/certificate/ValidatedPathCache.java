package io.tlsmachine.impl.certificate;

import io.tlsmachine.CertificateChain;
import io.tlsmachine.VerifiedChain;
import io.tlsmachine.PkixCertificateVerifier;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Remembers the chains one {@link PkixCertificateVerifier} validated, so a peer that presents the same chain again
 * (every handshake with the same server) skips path building and PKIX validation (RFC 5280 §6).
 *
 * <p>Safe by construction: the key is the exact chain (certificates compared by their DER encodings), the verifier
 * that owns the cache fixes the trust anchors, and an entry is used only while the validation instant lies within
 * every path certificate's validity period, which is the only input of the validation that changes with time (and
 * for at most {@link #MAX_AGE} after the validation, nor before it). Only
 * successes are remembered, and only by a verifier without revocation checking (a revocation status changes without
 * the chain changing). What the handshake checks beside the path (key usage, host name) is checked every time.
 * Bounded (least recently used entries go first) and thread-safe, since one configuration serves many connections.
 */
public final class ValidatedPathCache {
    static final int CAPACITY = 64;
    /** How long a validation is reused at most, so time-dependent JDK policies (algorithm constraints) take effect. */
    static final Duration MAX_AGE = Duration.ofHours(1);

    private record Entry(List<X509Certificate> path, Optional<X509Certificate> anchor, Instant notBefore, Instant notAfter) {
    }

    private final Map<CertificateChain, Entry> entries = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<CertificateChain, Entry> eldest) {
            return size() > CAPACITY;
        }
    };

    /** Returns the remembered validation of {@code chain}, if any and if {@code now} lies in its validity window. */
    public synchronized Optional<VerifiedChain> lookup(CertificateChain chain, Instant now) {
        Entry entry = entries.get(chain);
        if (entry == null || now.isBefore(entry.notBefore()) || now.isAfter(entry.notAfter())) {
            return Optional.empty();
        }
        return Optional.of(new VerifiedChain(chain, entry.path(), entry.anchor()));
    }

    /** Remembers a successful validation made at {@code now}. */
    public synchronized void remember(VerifiedChain verified, Instant now) {
        Instant notBefore = now;
        Instant notAfter = now.plus(MAX_AGE);
        for (X509Certificate certificate : verified.path()) {
            Instant from = certificate.getNotBefore().toInstant();
            Instant to = certificate.getNotAfter().toInstant();
            notBefore = from.isAfter(notBefore) ? from : notBefore;
            notAfter = to.isBefore(notAfter) ? to : notAfter;
        }
        entries.put(verified.presented(), new Entry(List.copyOf(verified.path()), verified.trustAnchor(), notBefore, notAfter));
    }

    public synchronized int size() {
        return entries.size();
    }
}
