package io.tlsmachine.verification.interop;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/** Copies bytes both ways between two connected channels (TCP or Unix domain), one daemon thread per direction. */
final class ChannelPump {
    private ChannelPump() {
    }

    /** Starts copying {@code a ⇄ b}; end of stream on one side half-closes the other, and both close at the end. */
    static void connect(SocketChannel a, SocketChannel b) {
        Thread aToB = copy(a, b);
        Thread bToA = copy(b, a);
        Thread closer = new Thread(() -> {
            try {
                aToB.join();
                bToA.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                closeQuietly(a);
                closeQuietly(b);
            }
        }, "pump-closer");
        closer.setDaemon(true);
        closer.start();
    }

    private static Thread copy(SocketChannel from, SocketChannel to) {
        Thread thread = new Thread(() -> {
            ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
            try {
                while (from.read(buffer) >= 0) {
                    buffer.flip();
                    while (buffer.hasRemaining()) {
                        to.write(buffer);
                    }
                    buffer.clear();
                }
                to.shutdownOutput();
            } catch (IOException e) {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "pump");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    static void closeQuietly(java.nio.channels.Channel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Already closed.
        }
    }
}
