package io.tlsmachine;

import io.tlsmachine.impl.keylog.DisabledKeyLog;
import io.tlsmachine.impl.keylog.KeyLogFile;
import io.tlsmachine.impl.keylog.KeyLogLine;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where the engine writes its secrets so Wireshark can decrypt a captured session (NSS key log
 * format); a debugging aid that breaks the connection's confidentiality for whoever reads the file.
 *
 * <p>Off unless configured: {@link #resolve} takes a configured file, else the {@code SSLKEYLOGFILE}
 * environment variable, else {@link #disabled()}.
 */
public interface KeyLog {
    /** The environment variable that browsers, curl and OpenSSL-based tools honour too. */
    String ENVIRONMENT_VARIABLE = "SSLKEYLOGFILE";

    /**
     * Records one secret of the connection identified by {@code clientRandom} (32 bytes); {@code secret} is a copy
     * the key log may keep.
     *
     * @throws IllegalArgumentException for a malformed client random or secret ({@link KeyLogLine#format})
     * @throws java.io.UncheckedIOException when a file cannot be written
     * @param label which secret it is
     * @param clientRandom the ClientHello's random, naming the connection
     * @param secret the secret to record
     */
    void log(KeyLogLabel label, byte[] clientRandom, byte[] secret);

    /** {@return whether anything is recorded; the engine may skip work when not} */
    boolean enabled();

    /** {@return the key log that records nothing} */
    static KeyLog disabled() {
        return DisabledKeyLog.INSTANCE;
    }

    /**
     * {@return a key log appending to {@code file} (created owner-only where the file system allows)}
     * @param file the key log file
     */
    static KeyLog toFile(Path file) {
        return new KeyLogFile(file);
    }

    /**
     * {@return the key log to use: {@code configured} when present, else the file named by
     * {@code SSLKEYLOGFILE} in {@code environment} when set and not blank, else {@link #disabled()}}
     * @param configured the file chosen by configuration, if any
     * @param environment the environment variables to read {@code SSLKEYLOGFILE} from
     */
    static KeyLog resolve(Optional<Path> configured, Map<String, String> environment) {
        if (configured.isPresent()) {
            return toFile(configured.get());
        }
        String fromEnvironment = environment.get(ENVIRONMENT_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return toFile(Path.of(fromEnvironment));
        }
        return disabled();
    }

    /**
     * {@return {@link #resolve} with the process environment}
     * @param configured the file chosen by configuration, if any
     */
    static KeyLog resolve(Optional<Path> configured) {
        return resolve(configured, System.getenv());
    }
}
