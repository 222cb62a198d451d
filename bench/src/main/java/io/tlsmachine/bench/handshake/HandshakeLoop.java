package io.tlsmachine.bench.handshake;

import io.tlsmachine.testkit.TestPki;

/**
 * Runs full handshakes of one stack in a loop for a number of seconds (not JMH): the workload to profile with
 * {@code java -XX:StartFlightRecording}. Usage: {@code HandshakeLoop <stack> <1.3|1.2> <ec|rsa> <seconds> [group]}
 * (group: x25519, the default, or X25519MLKEM768); prints {@code loop <stack> <handshakes> <perSecond>}.
 */
public final class HandshakeLoop {

    private HandshakeLoop() {
    }

    public static void main(String[] args) {
        Stack stack = Stack.of(args[0]);
        TestPki.Hierarchy pki = BenchPki.hierarchy(args[2]);
        BenchGroup group = args.length > 4 ? BenchGroup.of(args[4]) : BenchGroup.X25519;
        PairFactory factory = new PairFactory(stack, args[1], pki, null, false, group);
        HandshakeProof proof = new HandshakeProof(BenchPki.chainBytes(pki), group);
        long end = System.nanoTime() + Long.parseLong(args[3]) * 1_000_000_000L;
        long start = System.nanoTime();
        long count = 0;
        while (System.nanoTime() < end) {
            proof.handshake(factory);
            count++;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("loop %s %d %.1f%n", stack.parameter(), count, count / seconds);
    }
}
