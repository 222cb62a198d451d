package io.tlsmachine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks that {@code tlsmachine explore --out DIR} writes one self-contained page per machine. */
class ExploreCommandTest {

    @Test
    void writesAClientAndAServerPage(@TempDir Path out) throws IOException {
        StringWriter printed = new StringWriter();
        int status = TlsMachineCli.execute(new PrintWriter(printed), new PrintWriter(new StringWriter()),
                "explore", "--out", out.toString());

        assertThat(status).isZero();
        assertThat(printed.toString()).contains("client.html", "server.html");
        for (String role : new String[] {"client", "server"}) {
            String page = Files.readString(out.resolve(role + ".html"), StandardCharsets.UTF_8);
            assertThat(page).contains("<title>tlsmachine explorer: " + role + " machine</title>",
                    "\"role\":\"" + role + "\"", "id=\"view-teaching-tls13\"", "id=\"view-full\"");
        }
    }

    @Test
    void requiresAnOutputFolder() {
        StringWriter errors = new StringWriter();
        int status = TlsMachineCli.execute(new PrintWriter(new StringWriter()), new PrintWriter(errors), "explore");

        assertThat(status).isEqualTo(2);
        assertThat(errors.toString()).contains("--out");
    }
}
