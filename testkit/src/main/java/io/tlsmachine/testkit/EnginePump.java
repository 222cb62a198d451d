package io.tlsmachine.testkit;

import io.tlsmachine.TlsEngine;

/**
 * Connects two engines in memory: moves each one's outbound bytes into the other until both are quiet.
 * For demos and tests; a socket layer does the same over a network.
 */
public final class EnginePump {

    /** The most rounds {@link #exchange} runs; a handshake needs at most four. */
    public static final int MAX_ROUNDS = 64;

    private EnginePump() {
    }

    /**
     * Moves bytes both ways until neither engine has anything to send; returns the number of rounds.
     *
     * @throws IllegalStateException when the engines are still talking after {@link #MAX_ROUNDS} rounds
     */
    public static int exchange(TlsEngine first, TlsEngine second) {
        for (int round = 0; round < MAX_ROUNDS; round++) {
            byte[] toSecond = first.drainOutbound();
            byte[] toFirst = second.drainOutbound();
            if (toSecond.length == 0 && toFirst.length == 0) {
                return round;
            }
            second.feed(toSecond);
            first.feed(toFirst);
        }
        throw new IllegalStateException("the engines were still talking after " + MAX_ROUNDS + " rounds");
    }
}
