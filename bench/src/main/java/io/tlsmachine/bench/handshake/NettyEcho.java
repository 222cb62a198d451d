package io.tlsmachine.bench.handshake;

import java.util.Locale;

/**
 * Netty TLS echo over loopback (real sockets, NIO transport; not JMH: the work runs on Netty's event loops, one for
 * the server and one for the clients, which a JMH thread could only wait for): full TLS 1.3 handshakes per second
 * with {@code n} connections at once, or bulk MB/s (10⁶ bytes echoed per second, each byte encrypted and decrypted
 * twice) over one connection of 16 KiB writes. TLS 1.3, ECDSA P-256 chain verified with PKIX; each handshake is
 * checked ({@link HandshakeProof}: full, and the group; the server's side from the bytes it had sent at the end
 * of its handshake, the client's from all it sent). A warm-up (the given seconds, and for handshakes until as many
 * have completed as there are connections, at most a minute more), then rounds of continuous load, one line each.
 *
 * <p>Usage: {@code NettyEcho <stack> <group> <handshakes <n>|bulk> <warmupSeconds> <rounds> <roundSeconds>} with
 * stack tlsmachine_jsse (our provider, Netty's {@code SslProvider.JDK} with it as {@code sslContextProvider}),
 * sunjsse, bcjsse or boringssl (Netty's OpenSSL engine). Group: BoringSSL is set to it; the JSSE stacks take
 * {@code -Djdk.tls.namedGroups=x25519,secp256r1}; our provider negotiates its default, X25519MLKEM768. Prints
 * {@code netty <stack> <group> handshakes <n> <perSecond>} or {@code netty <stack> <group> bulk <suite> <MBps>}.
 */
public final class NettyEcho {

    private NettyEcho() {
    }

    public static void main(String[] args) throws Exception {
        Stack stack = Stack.of(args[0]);
        BenchGroup group = BenchGroup.of(args[1]);
        boolean bulk = args[2].equals("bulk");
        int at = bulk ? 3 : 4;
        int connections = bulk ? 1 : Integer.parseInt(args[3]);
        long warmup = Long.parseLong(args[at]);
        int rounds = Integer.parseInt(args[at + 1]);
        long roundSeconds = Long.parseLong(args[at + 2]);

        try (EchoLoopback loopback = new EchoLoopback(stack, group, group)) {
            EchoClients clients = loopback.start(bulk, connections);
            Thread.sleep(warmup * 1000);
            // The warm-up lasts until every connection slot has completed at least once, so rounds see steady load.
            long warmupEnd = System.nanoTime() + 60_000_000_000L;
            while (!bulk && clients.completed() < connections && loopback.failure() == null
                    && System.nanoTime() < warmupEnd) {
                Thread.sleep(100);
            }
            for (int round = 0; round < rounds; round++) {
                long count = clients.completed();
                long start = System.nanoTime();
                Thread.sleep(roundSeconds * 1000);
                double rate = (clients.completed() - count) / ((System.nanoTime() - start) / 1e9);
                if (loopback.failure() != null) {
                    throw new IllegalStateException(stack.parameter() + " failed", loopback.failure());
                }
                String workload = bulk ? "bulk " + clients.bulkSuite() : "handshakes " + connections;
                System.out.printf(Locale.ROOT, "netty %s %s %s %.1f%n", stack.parameter(), group.jsseName, workload,
                        bulk ? rate / 1e6 : rate);
            }
        }
    }
}
