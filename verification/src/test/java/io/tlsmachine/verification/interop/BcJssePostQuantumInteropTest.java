package io.tlsmachine.verification.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.KemShareRule;
import io.tlsmachine.KeyExchangeGroup;
import io.tlsmachine.model.ProtocolVersion;
import java.util.List;
import java.util.concurrent.Callable;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * X25519MLKEM768 with Bouncy Castle's JSSE 1.84, both roles, on 127.0.0.1. BCJSSE takes its groups from the
 * {@code jdk.tls.namedGroups} system property (Java 17's {@code SSLParameters} has no named groups), set here
 * around each context's use and restored after. BCJSSE's client sends its key share for a classical group even
 * when it lists X25519MLKEM768 (seen with 1.84, with its defaults and with the property), so against our server
 * its client reaches the hybrid through our {@link KemShareRule#RETRY_FOR_KEM} only: both rules are checked.
 */
@Tag("slow")
@Timeout(60)
class BcJssePostQuantumInteropTest {
    private static final String NAMED_GROUPS = "jdk.tls.namedGroups";
    /**
     * The hybrid first; secp256r1 too, since BCJSSE offers and accepts ecdsa_secp256r1_sha256 (our EC test
     * certificates) only while that curve is among its named groups.
     */
    private static final String HYBRID_AND_P256 = "X25519MLKEM768,secp256r1";

    @Test
    void ourClientNegotiatesX25519Mlkem768WithBcJsseServer() throws Exception {
        withNamedGroups(HYBRID_AND_P256, () -> {
            SSLContext context = JssePeer.BOUNCY_CASTLE.context(InteropPki.EC, InteropPki.EC);
            try (JsseServer server = new JsseServer(context, ProtocolVersion.TLS13, List.of(), false, 1)) {
                OurClient.Echoed echoed = OurClient.echo(server.port(), InteropPki.EC.ourClient().build(),
                        List.of("hello from us"), false);
                assertThat(echoed.received()).isEqualTo("echo: hello from us\n");
                assertThat(echoed.parameters().group()).contains(KeyExchangeGroup.X25519MLKEM768);
                assertThat(server.next().checkedSession().getProtocol()).isEqualTo("TLSv1.3");
            }
            return null;
        });
    }

    /** BCJSSE's client lists the hybrid but shares x25519: our default takes x25519, the retry rule asks for the hybrid. */
    @Test
    void bcJsseClientMeetsOurKemShareRule() throws Exception {
        withNamedGroups(null, () -> {
            for (KemShareRule rule : KemShareRule.values()) {
                try (OurServer server = new OurServer(InteropPki.EC.ourServer().kemShareRule(rule).build(), 1, false)) {
                    JssePeer.echo(JssePeer.BOUNCY_CASTLE.context(InteropPki.EC, InteropPki.EC), server.port(),
                            ProtocolVersion.TLS13, List.of(), List.of("defaults"));
                    OurServer.Served served = server.next();
                    assertThat(served.parameters().group()).as(rule.name()).contains(
                            rule == KemShareRule.RETRY_FOR_KEM ? KeyExchangeGroup.X25519MLKEM768 : KeyExchangeGroup.X25519);
                    assertThat(served.facts().helloRetryRequested()).isEqualTo(rule == KemShareRule.RETRY_FOR_KEM);
                }
            }
            return null;
        });
    }

    private static void withNamedGroups(String groups, Callable<Void> body) throws Exception {
        String previous = System.getProperty(NAMED_GROUPS);
        try {
            if (groups == null) {
                System.clearProperty(NAMED_GROUPS);
            } else {
                System.setProperty(NAMED_GROUPS, groups);
            }
            body.call();
        } finally {
            if (previous == null) {
                System.clearProperty(NAMED_GROUPS);
            } else {
                System.setProperty(NAMED_GROUPS, previous);
            }
        }
    }
}
