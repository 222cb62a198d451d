package io.tlsmachine.jsse;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A program on this machine (openssl, curl) run as a peer: its output and errors collected as they come, lines sent
 * to its input, and every wait bounded; closing it ends the process.
 */
final class ExternalProgram implements AutoCloseable {
    static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final Process process;
    private final StringBuffer output = new StringBuffer();
    private final Thread reader;

    private ExternalProgram(Process process) {
        this.process = process;
        this.reader = new Thread(this::collect, "output of " + process.info().command().orElse("a program"));
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code command}, its errors merged into its output. */
    static ExternalProgram start(List<String> command) throws IOException {
        return new ExternalProgram(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    /** Runs {@code command} to its end (bounded) and returns its output; fails when it runs too long. */
    static String run(List<String> command) throws Exception {
        try (ExternalProgram program = start(command)) {
            program.process.getOutputStream().close();
            if (!program.awaitExit(TIMEOUT)) {
                throw new AssertionError(command.get(0) + " did not end: " + program.output());
            }
            return program.output();
        }
    }

    private void collect() {
        byte[] buffer = new byte[4096];
        try (InputStream in = process.getInputStream()) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                output.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
        } catch (IOException ended) {
            // The process ended or was destroyed: what it printed so far is kept.
        }
    }

    /** Writes {@code text} to the program's input. */
    void send(String text) throws IOException {
        OutputStream in = process.getOutputStream();
        in.write(text.getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    /** Closes the program's input (for openssl s_client: it sends close_notify and ends). */
    void endInput() throws IOException {
        process.getOutputStream().close();
    }

    /** Waits until the output satisfies {@code condition}; fails, showing the output, when it does not in time. */
    void awaitOutput(Predicate<String> condition) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.test(output())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the program did not print what was awaited; it printed:\n" + output());
            }
            Thread.sleep(20);
        }
    }

    /** Waits at most {@code timeout} for the program to end and its output to be read; returns whether it ended. */
    boolean awaitExit(Duration timeout) throws InterruptedException {
        boolean ended = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (ended) {
            reader.join(timeout.toMillis());
        }
        return ended;
    }

    /** The exit value of a program that ended. */
    int exitValue() {
        return process.exitValue();
    }

    String output() {
        return output.toString();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
