package io.tlsmachine.jsse;

/** Creates the engines of an SSLContext, for the sockets it makes. */
@FunctionalInterface
interface EngineSource {
    /** Returns a new engine for the peer at {@code peerHost}:{@code peerPort} (null and -1 when unknown). */
    TlsMachineEngine engine(String peerHost, int peerPort);
}
