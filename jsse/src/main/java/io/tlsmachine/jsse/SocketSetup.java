package io.tlsmachine.jsse;

import java.io.Closeable;
import java.io.IOException;

/** Runs the setup of a new socket (bind, connect), closing the socket when the setup fails so that none leaks. */
final class SocketSetup {

    /** One setup step on a socket. */
    interface Step<T> {
        void run(T socket) throws IOException;
    }

    private SocketSetup() {
    }

    /** Returns {@code socket} once {@code setup} ran on it; when setup fails, closes it and rethrows. */
    static <T extends Closeable> T closedOnFailure(T socket, Step<T> setup) throws IOException {
        try {
            setup.run(socket);
            return socket;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }
}
