package io.tlsmachine.cli;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;

/** A client socket that keeps the first bytes the peer sent, to tell the user what answered when it was not TLS. */
final class FirstBytesSocket extends Socket {
    /** How many of the peer's first bytes are kept. */
    private static final int KEPT = 16;

    private final ByteArrayOutputStream first = new ByteArrayOutputStream();
    private InputStream in;

    @Override
    public synchronized InputStream getInputStream() throws IOException {
        if (in == null) {
            in = new FilterInputStream(super.getInputStream()) {
                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = super.read(buffer, offset, length);
                    keep(buffer, offset, n);
                    return n;
                }
            };
        }
        return in;
    }

    private synchronized void keep(byte[] buffer, int offset, int n) {
        if (n > 0 && first.size() < KEPT) {
            first.write(buffer, offset, Math.min(n, KEPT - first.size()));
        }
    }

    /** Returns the first bytes received (at most 16). */
    synchronized byte[] firstBytes() {
        return first.toByteArray();
    }
}
