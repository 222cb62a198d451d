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
            process = new ProcessBuilder(command, "-Tsvg").redirectErrorStream(false).start();
        } catch (IOException notInstalled) {
            return Optional.empty();
        }
        try {
            ByteArrayOutputStream svg = new ByteArrayOutputStream();
            Thread reader = new Thread(() -> copy(process.getInputStream(), svg), "graphviz-reader");
            reader.setDaemon(true);
            reader.start();
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write(dot.getBytes(StandardCharsets.UTF_8));
            }
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new UncheckedIOException(new IOException(command + " did not finish within " + timeout));
            }
            reader.join(timeout.toMillis());
            if (process.exitValue() != 0) {
                String error = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
                throw new UncheckedIOException(new IOException(command + " exited with " + process.exitValue() + ": " + error));
            }
            return Optional.of(svg.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            process.destroyForcibly();
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted while running " + command, e));
        }
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try (in) {
            in.transferTo(out);
        } catch (IOException ignored) {
            // The process died; the exit status reports it.
        }
    }
}
