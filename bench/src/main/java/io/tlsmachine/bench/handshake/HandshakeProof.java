package io.tlsmachine.bench.handshake;

/**
 * Checks from the bytes each side sent, which every stack exposes, that a handshake was full and used the group
 * it was set up for; our engines also say whether they resumed. A full handshake's server flight carries the
 * chain's DER bytes (a resumed one sends no Certificate). An X25519MLKEM768 handshake carries the ML-KEM
 * encapsulation key from the client and the ML-KEM ciphertext from the server (no classical share is that long),
 * the key in the first ClientHello and in no later one (so the server asked no HelloRetryRequest for it); an
 * X25519 one has no client flight that long.
 */
final class HandshakeProof {

    private final int chainBytes;
    private final BenchGroup group;

    HandshakeProof(int chainBytes, BenchGroup group) {
        this.chainBytes = chainBytes;
        this.group = group;
    }

    /** Runs the handshake of a new pair of {@code factory}, checks it and releases the pair; returns it. */
    ConnectionPair handshake(PairFactory factory) {
        ConnectionPair pair = factory.newPair();
        try {
            pair.handshake();
            check(pair);
        } finally {
            pair.release();
        }
        return pair;
    }

    /** Throws unless {@code pair}'s completed handshake was a full one with this proof's group. */
    void check(ConnectionPair pair) {
        if (pair.reportsResumed().orElse(false)) {
            throw new IllegalStateException("not a full handshake: the engines report a resumed session");
        }
        HandshakeTraffic traffic = pair.traffic();
        checkServer(traffic.serverBytes());
        checkClient(traffic.clientBytes());
        long later = traffic.clientBytes() - traffic.firstClientFlight();
        if (group.hybrid() && (traffic.firstClientFlight() < BenchGroup.MLKEM768_ENCAPSULATION_KEY
                || later >= BenchGroup.MLKEM768_ENCAPSULATION_KEY)) {
            throw new IllegalStateException("the hybrid share was not (only) in the first ClientHello: the client sent "
                    + traffic.firstClientFlight() + " bytes first and " + later + " later (a HelloRetryRequest)");
        }
    }

    /** Throws unless {@code sent}, the bytes a server sent in one handshake, hold its chain (and the ciphertext). */
    void checkServer(long sent) {
        if (sent < chainBytes) {
            throw new IllegalStateException("not a full handshake: the server sent " + sent + " bytes, its chain alone is "
                    + chainBytes);
        }
        if (group.hybrid() && sent < chainBytes + BenchGroup.MLKEM768_CIPHERTEXT) {
            throw new IllegalStateException("not X25519MLKEM768: the server sent " + sent + " bytes, its chain is "
                    + chainBytes + " and an ML-KEM-768 ciphertext " + BenchGroup.MLKEM768_CIPHERTEXT);
        }
    }

    /** Throws unless {@code sent}, the bytes a client sent in one handshake, hold an ML-KEM share just when hybrid. */
    void checkClient(long sent) {
        if (group.hybrid() != (sent >= BenchGroup.MLKEM768_ENCAPSULATION_KEY)) {
            throw new IllegalStateException("the client sent " + sent + " bytes: " + (group.hybrid()
                    ? "no room for an ML-KEM-768 encapsulation key" : "an ML-KEM share, not " + group));
        }
    }
}
