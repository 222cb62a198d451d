package io.tlsmachine.bench.handshake;

import io.tlsmachine.testkit.TestPki;
import java.lang.management.ManagementFactory;

/**
 * Measures the time from JVM start to the first completed handshake (run in a fresh JVM per sample): one full
 * TLS 1.3 ECDSA handshake of the chosen stack. Prints {@code first <stack> <msAtPkiReady> <msAtHandshakeDone>},
 * both in milliseconds of JVM uptime; the certificates are generated the same way for every stack.
 */
public final class FirstHandshake {

    private FirstHandshake() {
    }

    public static void main(String[] args) {
        Stack stack = Stack.of(args[0]);
        TestPki.Hierarchy pki = BenchPki.hierarchy("ec");
        long pkiReady = ManagementFactory.getRuntimeMXBean().getUptime();
        ConnectionPair pair = new PairFactory(stack, "1.3", pki, null, false).newPair();
        pair.handshake();
        long done = ManagementFactory.getRuntimeMXBean().getUptime();
        if (pair.serverHandshakeBytes() < BenchPki.chainBytes(pki)) {
            throw new IllegalStateException("not a full handshake");
        }
        System.out.printf("first %s %d %d%n", stack.name().toLowerCase(java.util.Locale.ROOT), pkiReady, done);
    }
}
