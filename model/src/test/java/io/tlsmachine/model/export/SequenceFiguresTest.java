package io.tlsmachine.model.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.model.Negotiated;
import io.tlsmachine.model.analysis.HandshakeWalk;
import io.tlsmachine.model.analysis.HandshakeWalker;
import java.util.List;
import org.junit.jupiter.api.Test;

class SequenceFiguresTest {

    private static final List<SequenceFigures.HandshakeType> TYPES = SequenceFigures.handshakeTypes();

    @Test
    void thereIsOneFigurePerDistinctCompletedSequenceOfTheWalker() {
        long distinct = HandshakeWalker.walkAll().stream().filter(HandshakeWalk::completed).map(HandshakeWalk::sequence)
                .distinct().count();
        assertThat(TYPES).hasSize((int) distinct);
        assertThat(TYPES.stream().map(SequenceFigures.HandshakeType::name).distinct()).hasSize(TYPES.size());
        assertThat(TYPES.stream().mapToInt(t -> t.walks().size()).sum())
                .isEqualTo((int) HandshakeWalker.walkAll().stream().filter(HandshakeWalk::completed).count());
    }

    @Test
    void everyFigureDrawsEveryMessageOfItsSequence() {
        for (SequenceFigures.HandshakeType type : TYPES) {
            String body = type.figure().body();
            long drawn = body.lines().map(l -> l.replace("<--------", "").replace("-------->", "").strip())
                    .filter(l -> !l.isEmpty() && !l.contains("<------->") && !l.startsWith("+ ")
                            && !l.matches("Client\\s+Server")).count();
            long halfRtt = body.lines().filter(l -> l.contains("<--------") && l.contains("[Application Data*]")).count();
            assertThat(drawn - halfRtt).as(type.name()).isEqualTo(type.walks().get(0).messages().size());
        }
    }

    @Test
    void theOneRttFigureReadsLikeRfc8446Section2() {
        SequenceFigures.HandshakeType oneRtt = TYPES.stream().filter(t -> t.walks().contains(HandshakeWalker.walk(
                Negotiated.tls13()))).findFirst().orElseThrow();
        assertThat(oneRtt.name()).isEqualTo("tls13-ec-dhe-with-certificate");
        assertThat(oneRtt.figure().body()).isEqualTo("""
                        Client                                               Server

                        ClientHello
                        + key_share
                        + signature_algorithms  -------->
                                                                        ServerHello
                                                                        + key_share
                                                              {EncryptedExtensions}
                                                                      {Certificate}
                                                                {CertificateVerify}
                                                                         {Finished}
                                                <--------       [Application Data*]
                        {Finished}              -------->
                        [Application Data]      <------->        [Application Data]
                """);
    }

    @Test
    void theSvgKeepsEveryLineAndIsWellFormed() throws Exception {
        String text = TYPES.get(0).figure().text();
        String svg = SequenceSvg.render(text);
        javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(svg.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(svg).contains("{EncryptedExtensions}", "&lt;--------");
        assertThat(svg.lines().filter(l -> l.contains("<text"))).hasSize((int) text.lines().filter(l -> !l.isBlank()).count());
    }
}
