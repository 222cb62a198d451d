package io.tlsmachine.impl.handshake;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsmachine.impl.codec.Opaque;
import io.tlsmachine.Reason;
import io.tlsmachine.TlsException;
import org.junit.jupiter.api.Test;

class PostHandshakeRequestContextsTest {

    private static Opaque context(int n) {
        return Opaque.ofUnsigned(n >> 8 & 0xFF, n & 0xFF);
    }

    @Test
    void refusesAnEmptyContextAndAReusedOneAsIllegalParameters() {
        PostHandshakeRequestContexts contexts = new PostHandshakeRequestContexts();
        contexts.accept(context(1));

        assertThatThrownBy(() -> contexts.accept(Opaque.EMPTY)).isInstanceOf(TlsException.class)
                .extracting(e -> ((TlsException) e).reason()).isEqualTo(Reason.ILLEGAL_PARAMETER);
        assertThatThrownBy(() -> contexts.accept(context(1))).isInstanceOf(TlsException.class)
                .extracting(e -> ((TlsException) e).reason()).isEqualTo(Reason.ILLEGAL_PARAMETER);
    }

    @Test
    void remembersTheLastThousandAndTwentyFourContextsOnly() {
        PostHandshakeRequestContexts contexts = new PostHandshakeRequestContexts();
        for (int i = 0; i <= PostHandshakeRequestContexts.REMEMBERED; i++) {
            contexts.accept(context(i));
        }

        assertThatThrownBy(() -> contexts.accept(context(PostHandshakeRequestContexts.REMEMBERED)))
                .isInstanceOf(TlsException.class);
        assertThatThrownBy(() -> contexts.accept(context(1))).isInstanceOf(TlsException.class);
        assertThatCode(() -> contexts.accept(context(0))).as("the oldest was forgotten").doesNotThrowAnyException();
    }
}
