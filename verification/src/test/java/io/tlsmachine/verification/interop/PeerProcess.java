package io.tlsmachine.verification.interop;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * An external peer process whose merged stdout/stderr is collected by a reader thread; {@link #close()} kills
 * it (and its descendants) and always runs in the tests' {@code finally}.
 */
final class PeerProcess implements AutoCloseable {
    private final Process process;
    private final StringBuffer output = new StringBuffer();
    private final Thread reader;
    private final List<String> command;

    private PeerProcess(List<String> command) throws IOException {
        this.command = command;
        this.process = new ProcessBuilder(command).redirectErrorStream(true).start();
        this.reader = new Thread(this::collect, "peer-output-" + command.get(0));
        this.reader.setDaemon(true);
        this.reader.start();
    }

    /** Starts {@code command}. */
    static PeerProcess start(List<String> command) throws IOException {
        return new PeerProcess(command);
    }

    private void collect() {
        byte[] buffer = new byte[4096];
        try (InputStream in = process.getInputStream()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                output.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
            }
        } catch (IOException ended) {
            // The process is gone.
        }
    }

    /** Returns the process's id. */
    long pid() {
        return process.pid();
    }

    /** Returns everything the process printed so far. */
    String output() {
        return output.toString();
    }

    /** Waits until the output satisfies {@code ready}, failing after {@code timeout} or when the process died. */
    PeerProcess awaitOutput(Predicate<String> ready, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ready.test(output())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("peer not ready within " + timeout + ": " + command + "\n" + output());
            }
            if (!process.isAlive() && !reader.isAlive() && !ready.test(output())) {
                throw new AssertionError("peer exited with " + process.exitValue() + ": " + command + "\n" + output());
            }
            Thread.sleep(10);
        }
        return this;
    }

    /** Writes {@code text} to the process's stdin. */
    void send(String text) throws IOException {
        OutputStream in = process.getOutputStream();
        in.write(text.getBytes(StandardCharsets.ISO_8859_1));
        in.flush();
    }

    /** Closes the process's stdin (end of input). */
    void endInput() throws IOException {
        process.getOutputStream().close();
    }

    /** Waits for the process to exit on its own; returns whether it did within {@code timeout}. */
    boolean awaitExit(Duration timeout) throws InterruptedException {
        boolean exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (exited) {
            reader.join(2_000);
        }
        return exited;
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
            reader.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return String.join(" ", command);
    }
}
