package io.tlsmachine.bench.handshake;

import io.tlsmachine.testkit.TestPki;

/**
 * Runs full handshakes of one stack in a loop for a number of seconds (not JMH): the workload to profile with
 * {@code java -XX:StartFlightRecording}. Usage: {@code HandshakeLoop <stack> <1.3|1.2> <ec|rsa> <seconds>};
 * prints {@code loop <stack> <handshakes> <perSecond>}.
 */
public final class HandshakeLoop {

    private HandshakeLoop() {
    }

    public static void main(String[] args) {
        Stack stack = Stack.of(args[0]);
        TestPki.Hierarchy pki = BenchPki.hierarchy(args[2]);
        PairFactory factory = new PairFactory(stack, args[1], pki, null, false);
        int chainBytes = BenchPki.chainBytes(pki);
        long end = System.nanoTime() + Long.parseLong(args[3]) * 1_000_000_000L;
        long start = System.nanoTime();
        long count = 0;
        while (System.nanoTime() < end) {
            ConnectionPair pair = factory.newPair();
            pair.handshake();
            if (pair.serverHandshakeBytes() < chainBytes) {
                throw new IllegalStateException("not a full handshake");
            }
            count++;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("loop %s %d %.1f%n", stack.name().toLowerCase(java.util.Locale.ROOT), count, count / seconds);
    }
}
