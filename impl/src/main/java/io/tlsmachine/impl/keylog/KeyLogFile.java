package io.tlsmachine.impl.keylog;

import io.tlsmachine.KeyLogLabel;
import io.tlsmachine.KeyLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Appends key log lines to a file: one whole line per write, so lines from concurrent
 * connections (and, through O_APPEND, other processes) never interleave.
 *
 * <p>A new file is created readable and writable by its owner only (0600) where the file system
 * has POSIX permissions; an existing file keeps the permissions its owner chose.
 */
public final class KeyLogFile implements KeyLog {
    /** One lock for every key log file of this JVM: appends are rare and short. */
    private static final Object APPEND_LOCK = new Object();
    private static final Set<StandardOpenOption> APPEND = EnumSet.of(
            StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);

    private final Path file;

    public KeyLogFile(Path file) {
        this.file = file.toAbsolutePath();
    }

    @Override
    public void log(KeyLogLabel label, byte[] clientRandom, byte[] secret) {
        byte[] line = KeyLogLine.format(label, clientRandom, secret).getBytes(StandardCharsets.US_ASCII);
        synchronized (APPEND_LOCK) {
            try (FileChannel channel = FileChannel.open(file, APPEND, ownerOnly(file))) {
                ByteBuffer buffer = ByteBuffer.wrap(line);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot append to key log file " + file, e);
            }
        }
    }

    @Override
    public boolean enabled() {
        return true;
    }

    private static FileAttribute<?>[] ownerOnly(Path file) {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
        }
        return new FileAttribute<?>[0];
    }

    @Override
    public String toString() {
        return "KeyLog[" + file + "]";
    }
}
