package io.tlsmachine.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsmachine.TlsConfig;
import io.tlsmachine.TlsDefaults;
import io.tlsmachine.impl.certificate.PemWriter;
import io.tlsmachine.impl.certificate.issuing.CertificateKeyType;
import io.tlsmachine.testkit.TestPki;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The server's defaults and options as they reach its configuration, and their place in {@code --help}. */
class ServerOptionsTest {

    @TempDir
    Path dir;

    private static TlsConfig configure(String... options) {
        List<String> args = new ArrayList<>(List.of("--port", "0"));
        args.addAll(List.of(options));
        ServerCommand command = new ServerCommand();
        new CommandLine(command).parseArgs(args.toArray(String[]::new));
        return command.configuration().build();
    }

    @Test
    void helpListsEveryResumptionSizeAndStrictnessOption() {
        StringWriter out = new StringWriter();
        int status = TlsMachineCli.execute(new PrintWriter(out, true), new PrintWriter(out, true), "server", "--help");

        assertThat(status).isZero();
        assertThat(out.toString()).contains("--session-cache", "--session-lifetime", "--tickets", "--max-handshake-message",
                "--require-ems", "--require-renegotiation-info", "--cert", "x448", "ffdhe2048");
    }

    @Test
    void defaultsKeepATls12SessionCacheOneTicketAnd64KiBMessagesAndAcceptLegacyPeers() {
        TlsConfig config = configure();

        assertThat(config.sessionCache()).hasValueSatisfying(cache -> {
            assertThat(cache.capacity()).isEqualTo(ServerSessionOptions.DEFAULT_CACHE_SIZE);
            assertThat(cache.lifetimeMillis()).isEqualTo(7_200_000L);
        });
        assertThat(config.ticketsEnabled()).isTrue();
        assertThat(config.ticketsPerHandshake()).isEqualTo(1);
        assertThat(config.maxHandshakeMessageSize()).isEqualTo(65536).isEqualTo(TlsDefaults.MAX_HANDSHAKE_MESSAGE_SIZE);
        assertThat(config.extendedMasterSecretRequired()).isFalse();
        assertThat(config.secureRenegotiationRequired()).isFalse();
    }

    @Test
    void optionsReachTheConfiguration() {
        TlsConfig config = configure("--session-cache", "10", "--session-lifetime", "60", "--tickets", "3",
                "--max-handshake-message", "131072", "--require-ems", "--require-renegotiation-info");

        assertThat(config.sessionCache().orElseThrow().capacity()).isEqualTo(10);
        assertThat(config.sessionCache().orElseThrow().lifetimeMillis()).isEqualTo(60_000L);
        assertThat(config.ticketsPerHandshake()).isEqualTo(3);
        assertThat(config.maxHandshakeMessageSize()).isEqualTo(131072);
        assertThat(config.extendedMasterSecretRequired()).isTrue();
        assertThat(config.secureRenegotiationRequired()).isTrue();
    }

    @Test
    void zeroTurnsTheCacheAndTheTicketsOff() {
        TlsConfig config = configure("--session-cache", "0", "--tickets", "0");

        assertThat(config.sessionCache()).isEmpty();
        assertThat(config.ticketsEnabled()).isFalse();
    }

    @Test
    void outOfRangeValuesAreRefused() {
        assertThatThrownBy(() -> configure("--session-lifetime", "0")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--session-lifetime");
        assertThatThrownBy(() -> configure("--session-lifetime", "86401")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> configure("--session-cache", "-1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> configure("--tickets", "17")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> configure("--max-handshake-message", "10")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void repeatedCertAndKeyGiveSeveralCredentialsInOrder() {
        TestPki pki = new TestPki(new SecureRandom());
        TestPki.Hierarchy rsa = pki.hierarchy("Options RSA", CertificateKeyType.RSA_2048, "localhost", Instant.now());
        TestPki.Hierarchy ec = pki.hierarchy("Options EC", CertificateKeyType.EC_P256, "localhost", Instant.now());
        List<String> options = new ArrayList<>();
        for (TestPki.Hierarchy h : List.of(rsa, ec)) {
            Path chain = dir.resolve(h.root().certificate().getSubjectX500Principal().getName().hashCode() + "-chain.pem");
            Path key = dir.resolve(h.root().certificate().getSubjectX500Principal().getName().hashCode() + "-key.pem");
            PemWriter.write(h.chain(), chain);
            PemWriter.write(h.certifiedLeaf().privateKey(), key);
            options.addAll(List.of("--cert", chain.toString(), "--key", key.toString()));
        }

        TlsConfig config = configure(options.toArray(String[]::new));

        assertThat(config.certifiedKeys()).extracting(k -> k.chain().leaf())
                .containsExactly(rsa.leaf().certificate(), ec.leaf().certificate());
        assertThatThrownBy(() -> configure(options.subList(0, 6).toArray(String[]::new)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--cert and --key go together");
    }
}
