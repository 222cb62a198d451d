package io.tlsmachine;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Objects;

/**
 * The stream views of a {@link TlsConnection}: application data in as an {@link InputStream} (end of stream at the
 * peer's close_notify or end of TCP), out as an {@link OutputStream} (each write is sealed into records and sent at
 * once; {@code flush} has nothing left to do). Closing either view closes the connection.
 */
final class ConnectionStreams {
    private ConnectionStreams() {
    }

    /** Reads what {@link TlsConnection#read()} returns, keeping the rest of a chunk for the next call. */
    static final class In extends InputStream {
        private final TlsConnection connection;
        private byte[] chunk = new byte[0];
        private int position;
        private boolean ended;

        In(TlsConnection connection) {
            this.connection = connection;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            Objects.checkFromIndexSize(offset, length, target.length);
            if (length == 0) {
                return 0;
            }
            while (position == chunk.length) {
                if (ended) {
                    return -1;
                }
                chunk = connection.read();
                position = 0;
                ended = chunk.length == 0;
            }
            int n = Math.min(length, chunk.length - position);
            System.arraycopy(chunk, position, target, offset, n);
            position += n;
            return n;
        }

        @Override
        public int available() {
            return chunk.length - position;
        }

        @Override
        public void close() throws IOException {
            connection.close();
        }
    }

    /** Sends each write as application data. */
    static final class Out extends OutputStream {
        private final TlsConnection connection;

        Out(TlsConnection connection) {
            this.connection = connection;
        }

        @Override
        public void write(int b) throws IOException {
            connection.write(new byte[] {(byte) b});
        }

        @Override
        public void write(byte[] source, int offset, int length) throws IOException {
            Objects.checkFromIndexSize(offset, length, source.length);
            if (length > 0) {
                connection.write(Arrays.copyOfRange(source, offset, offset + length));
            }
        }

        @Override
        public void close() throws IOException {
            connection.close();
        }
    }
}
