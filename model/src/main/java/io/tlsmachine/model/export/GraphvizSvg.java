package io.tlsmachine.model.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Renders DOT text to SVG by running Graphviz {@code dot -Tsvg} as a process with a timeout; returns empty when
 * Graphviz is not installed.
 */
public final class GraphvizSvg {

    private GraphvizSvg() {
    }

    /**
     * Returns the SVG for {@code dot}, or empty when the {@code dot} command cannot be started.
     *
     * @throws UncheckedIOException when {@code dot} fails, or does not finish within {@code timeout}
     */
    public static Optional<String> render(String dot, Duration timeout) {
        return render("dot", dot, timeout);
    }

    static Optional<String> render(String command, String dot, Duration timeout) {
        Process process;
        try {
            process = new ProcessBuilder(command, "-Tsvg").start();
        } catch (IOException notInstalled) {
            return Optional.empty();
        }
        try {
            ByteArrayOutputStream svg = new ByteArrayOutputStream();
            ByteArrayOutputStream errors = new ByteArrayOutputStream();
            Thread stdout = drain(process.getInputStream(), svg);
            Thread stderr = drain(process.getErrorStream(), errors);
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write(dot.getBytes(StandardCharsets.UTF_8));
            } catch (IOException exitedEarly) {
                // The command stopped reading (it failed or ignores its input): its exit status tells.
            }
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new UncheckedIOException(new IOException(command + " did not finish within " + timeout));
            }
            stdout.join(timeout.toMillis());
            stderr.join(timeout.toMillis());
            if (process.exitValue() != 0) {
                throw new UncheckedIOException(new IOException(command + " exited with " + process.exitValue() + ": "
                        + errors.toString(StandardCharsets.UTF_8).strip()));
            }
            return Optional.of(svg.toString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted while running " + command, e));
        }
    }

    private static Thread drain(InputStream in, ByteArrayOutputStream out) {
        Thread reader = new Thread(() -> copy(in, out), "graphviz-output");
        reader.setDaemon(true);
        reader.start();
        return reader;
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try (in) {
            in.transferTo(out);
        } catch (IOException ignored) {
            // The process died; the exit status reports it.
        }
    }
}
