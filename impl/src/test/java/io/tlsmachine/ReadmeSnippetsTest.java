package io.tlsmachine;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.impl.certificate.PemWriter;
import io.tlsmachine.impl.certificate.issuing.CertificateKeyType;
import io.tlsmachine.model.ProtocolVersion;
import io.tlsmachine.testkit.TestPki;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps the README's Java honest: each snippet of {@link ReadmeSnippets} appears in the README verbatim, and runs
 * against a loopback server whose root the JDK's trust store holds (surefire runs this class in a JVM of its own,
 * so the trust store property is read before anything else loads the JDK's default trust).
 */
class ReadmeSnippetsTest {

    private static final Path SNIPPETS = Path.of("src/test/java/io/tlsmachine/ReadmeSnippets.java");
    private static final Path README = Path.of("../README.md");
    private static final Pattern BLOCK = Pattern.compile("(?s)    // README (\\w+)\\n(.*?)    // README end\\n");

    @TempDir
    static Path dir;
    private static TlsServer server;

    @BeforeAll
    static void startALoopbackServerTheJdkTrusts() throws Exception {
        TestPki.Hierarchy pki = new TestPki(new SecureRandom()).hierarchy("Readme", CertificateKeyType.EC_P256,
                "localhost", Instant.now());
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("readme-root", pki.root().certificate());
        Path trustStore = dir.resolve("trust.p12");
        try (OutputStream out = Files.newOutputStream(trustStore)) {
            trust.store(out, "changeit".toCharArray());
        }
        System.setProperty("javax.net.ssl.trustStore", trustStore.toString());
        System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
        System.setProperty("javax.net.ssl.trustStorePassword", "changeit");
        Path chain = dir.resolve("chain.pem");
        Path key = dir.resolve("key.pem");
        PemWriter.write(pki.chain(), chain);
        PemWriter.write(pki.certifiedLeaf().privateKey(), key);
        server = ReadmeSnippets.echoServer(chain, key, 0);
    }

    @AfterAll
    static void stopTheServer() throws IOException {
        server.close();
    }

    private static List<String> snippets() throws IOException {
        Matcher m = BLOCK.matcher(Files.readString(SNIPPETS));
        List<String> blocks = new ArrayList<>();
        while (m.find()) {
            blocks.add(m.group(2).replaceAll("(?m)^    ", ""));
        }
        return blocks;
    }

    @Test
    void theReadmeShowsEverySnippetVerbatim() throws IOException {
        String readme = Files.readString(README);
        List<String> snippets = snippets();

        assertThat(snippets).hasSize(3);
        assertThat(snippets).allSatisfy(snippet -> assertThat(readme).contains(snippet));
        long lines = snippets.stream().mapToLong(s -> s.lines().count()).sum();
        assertThat(lines).as("lines of Java in the README").isBetween(15L, 30L);
    }

    @Test
    void theClientGetsItsRequestEchoedByTheServer() throws IOException {
        assertThat(ReadmeSnippets.get("localhost", server.port())).isEqualTo("GET / HTTP/1.0\r\n\r\n");
    }

    @Test
    void theEngineLoopCompletesAHandshake() throws IOException {
        NegotiatedParameters negotiated = ReadmeSnippets.handshakeOverEngine("localhost", server.port());

        assertThat(negotiated.version()).isEqualTo(ProtocolVersion.TLS13);
        assertThat(negotiated.serverName()).contains("localhost");
    }
}
