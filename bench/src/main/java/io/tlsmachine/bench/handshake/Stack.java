package io.tlsmachine.bench.handshake;

/** Names the TLS implementations the benchmarks compare, as their {@code stack} parameter spells them. */
enum Stack {
    /** This project's engine, with the crypto providers {@code CryptoProviders.fastest()} picks. */
    TLSMACHINE,
    /** The JDK's SSLEngine (provider SunJSSE). */
    SUNJSSE,
    /** Bouncy Castle's SSLEngine (provider BCJSSE) on the Bouncy Castle crypto provider. */
    BCJSSE,
    /** This project's engine behind its JSSE provider ({@code TlsMachineProvider}): our SSLEngine, SunJSSE's managers. */
    TLSMACHINE_JSSE,
    /** BoringSSL through Netty's OpenSSL SSLEngine ({@code netty-tcnative-boringssl-static}). */
    BORINGSSL;

    static Stack of(String name) {
        return valueOf(name.toUpperCase(java.util.Locale.ROOT));
    }

    /** Returns the name as the {@code stack} parameter and the reports spell it. */
    String parameter() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
