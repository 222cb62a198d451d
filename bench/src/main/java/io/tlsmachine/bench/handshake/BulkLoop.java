package io.tlsmachine.bench.handshake;

/**
 * Sends 16 KiB application writes client → server on one established TLS 1.3 pair for a number of seconds (not
 * JMH): the bulk workload to profile with {@code java -XX:StartFlightRecording}. Usage:
 * {@code BulkLoop <stack> <suite> <seconds>}; prints {@code bulk <stack> <writes> <MB/s>}.
 */
public final class BulkLoop {

    private BulkLoop() {
    }

    public static void main(String[] args) {
        Stack stack = Stack.of(args[0]);
        ConnectionPair pair = new PairFactory(stack, "1.3", BenchPki.hierarchy("ec"), args[1], false).newPair();
        pair.handshake();
        if (!pair.cipherSuite().equals(args[1])) {
            throw new IllegalStateException("negotiated " + pair.cipherSuite() + ", wanted " + args[1]);
        }
        byte[] data = new byte[BulkBenchmark.WRITE];
        long end = System.nanoTime() + Long.parseLong(args[2]) * 1_000_000_000L;
        long start = System.nanoTime();
        long count = 0;
        while (System.nanoTime() < end) {
            if (pair.transfer(data) != data.length) {
                throw new IllegalStateException("a write did not arrive whole");
            }
            count++;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("bulk %s %d %.1f%n", stack.name().toLowerCase(java.util.Locale.ROOT), count,
                count * (double) data.length / 1e6 / seconds);
    }
}
