package io.tlsmachine.model.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphvizSvgTest {

    @TempDir
    Path dir;

    @Test
    void returnsEmptyWhenTheCommandIsNotInstalled() {
        assertThat(GraphvizSvg.render(dir.resolve("no-such-dot").toString(), "digraph g {}", Duration.ofSeconds(5)))
                .isEmpty();
    }

    @Test
    void returnsWhatTheCommandPrints() throws IOException {
        Path echo = script("echo", "#!/bin/sh\ncat\n");
        assertThat(GraphvizSvg.render(echo.toString(), "<svg/>", Duration.ofSeconds(10))).contains("<svg/>");
    }

    @Test
    void reportsAFailingCommand() throws IOException {
        Path failing = script("failing", "#!/bin/sh\necho 'syntax error' >&2\nexit 1\n");
        assertThatThrownBy(() -> GraphvizSvg.render(failing.toString(), "digraph {", Duration.ofSeconds(10)))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("syntax error");
    }

    @Test
    void stopsACommandThatOutlivesTheTimeout() throws IOException {
        Path slow = script("slow", "#!/bin/sh\nexec sleep 30\n");
        assertThatThrownBy(() -> GraphvizSvg.render(slow.toString(), "", Duration.ofMillis(300)))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("did not finish");
    }

    private Path script(String name, String body) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, body);
        assertThat(file.toFile().setExecutable(true)).isTrue();
        return file;
    }
}
