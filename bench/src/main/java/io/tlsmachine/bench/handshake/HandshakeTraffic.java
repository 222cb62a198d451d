package io.tlsmachine.bench.handshake;

/** Counts what each side of a connection pair sent during its handshake, round by round. */
final class HandshakeTraffic {

    private long serverBytes;
    private long clientBytes;
    private long firstClientFlight;

    /** Records one round: the bytes the client and the server sent in it. */
    void round(long fromClient, long fromServer) {
        if (clientBytes == 0) {
            firstClientFlight = fromClient;
        }
        clientBytes += fromClient;
        serverBytes += fromServer;
    }

    /** The bytes the server sent: a full handshake carries its certificate chain. */
    long serverBytes() {
        return serverBytes;
    }

    /** The bytes the client sent: its ClientHello carries its key shares. */
    long clientBytes() {
        return clientBytes;
    }

    /** The bytes the client sent before the server sent any: its first ClientHello. */
    long firstClientFlight() {
        return firstClientFlight;
    }
}
