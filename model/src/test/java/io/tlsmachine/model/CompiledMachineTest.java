package io.tlsmachine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.tlsmachine.model.client.ClientMachine;
import io.tlsmachine.model.client.ClientState;
import io.tlsmachine.model.client.ClientSteps;
import io.tlsmachine.model.server.ServerMachine;
import io.tlsmachine.model.server.ServerState;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class CompiledMachineTest {

    @Test
    void undeclaredTripleThrowsUnexpectedMessageNamingIt() {
        UnexpectedMessage e = catchThrowableOfType(UnexpectedMessage.class, () -> ClientMachine.compiled()
                .step(ClientState.TLS12_WAIT_CERT, Input.CHANGE_CIPHER_SPEC, Epoch.PLAINTEXT, Negotiated.tls12()));
        assertThat(e.state()).isEqualTo(ClientState.TLS12_WAIT_CERT);
        assertThat(e.input()).isEqualTo(Input.CHANGE_CIPHER_SPEC);
        assertThat(e.epoch()).isEqualTo(Epoch.PLAINTEXT);
        assertThat(e.getMessage()).isEqualTo("unexpected CHANGE_CIPHER_SPEC@plaintext in TLS12_WAIT_CERT");
    }

    @Test
    void rejectsEarlyChangeCipherSpecInEveryTls12StateBeforeTheKeyExchange() {
        for (ClientState s : new ClientState[] {ClientState.TLS12_WAIT_CERT, ClientState.TLS12_WAIT_SKE,
                ClientState.TLS12_WAIT_CR_OR_SHD, ClientState.TLS12_WAIT_SHD}) {
            assertThat(ClientMachine.compiled().declares(s, Input.CHANGE_CIPHER_SPEC, Epoch.PLAINTEXT)).as("%s", s).isFalse();
        }
        for (ServerState s : new ServerState[] {ServerState.TLS12_WAIT_CLIENT_CERT, ServerState.TLS12_WAIT_CKE,
                ServerState.TLS12_WAIT_CKE_AFTER_CERT, ServerState.TLS12_WAIT_CERT_VERIFY}) {
            assertThat(ServerMachine.compiled().declares(s, Input.CHANGE_CIPHER_SPEC, Epoch.PLAINTEXT)).as("%s", s).isFalse();
        }
    }

    @Test
    void rejectsServerKeyExchangeUnderRsaKeyTransport() {
        Negotiated rsa = Negotiated.tls12().with(Fact.TLS12_KEY_EXCHANGE, Tls12KeyExchange.RSA);
        CompiledMachine<ClientState, ClientSteps> table = ClientMachine.compiled();
        ClientState afterCertificate =
                table.step(ClientState.TLS12_WAIT_CERT, Input.CERTIFICATE, Epoch.PLAINTEXT, rsa).to();
        assertThat(table.find(afterCertificate, Input.SERVER_KEY_EXCHANGE, Epoch.PLAINTEXT, rsa)).isNull();
    }

    @Test
    void rejectsSecondHelloRetryRequest() {
        assertThat(ClientMachine.compiled().find(ClientState.WAIT_SH_RETRY, Input.HELLO_RETRY_REQUEST, Epoch.PLAINTEXT,
                Negotiated.tls13().with(Fact.HELLO_RETRY_REQUESTED, true))).isNull();
        assertThat(ServerMachine.compiled().declares(ServerState.RECVD_CH_RETRY, Input.SELECT_HELLO_RETRY, Epoch.LOCAL))
                .isFalse();
    }

    @Test
    void stepAllocatesNothing() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        CompiledMachine<ClientState, ClientSteps> table = ClientMachine.compiled();
        Negotiated facts = Negotiated.tls13();
        ClientState[] path = {ClientState.WAIT_SH, ClientState.WAIT_EE, ClientState.WAIT_CERT_CR, ClientState.WAIT_CV,
            ClientState.WAIT_FINISHED};
        Input[] inputs = {Input.SERVER_HELLO, Input.ENCRYPTED_EXTENSIONS, Input.CERTIFICATE, Input.CERTIFICATE_VERIFY,
            Input.FINISHED};
        Epoch[] epochs = {Epoch.PLAINTEXT, Epoch.HANDSHAKE, Epoch.HANDSHAKE, Epoch.HANDSHAKE, Epoch.HANDSHAKE};
        long sink = 0;
        for (int warm = 0; warm < 200_000; warm++) {
            sink += table.step(path[warm % 5], inputs[warm % 5], epochs[warm % 5], facts).to().ordinal();
        }
        long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
        for (int i = 0; i < 100_000; i++) {
            sink += table.step(path[i % 5], inputs[i % 5], epochs[i % 5], facts).to().ordinal();
        }
        long allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
        assertThat(sink).isPositive();
        assertThat(allocated).as("bytes allocated by 100,000 steps").isLessThan(10_000);
    }
}
