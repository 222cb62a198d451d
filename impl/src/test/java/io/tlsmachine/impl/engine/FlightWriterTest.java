package io.tlsmachine.impl.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsmachine.impl.codec.Opaque;
import io.tlsmachine.impl.codec.message.Finished;
import io.tlsmachine.model.analysis.Role;
import io.tlsmachine.TlsConfig;
import io.tlsmachine.Reason;
import io.tlsmachine.TlsException;
import io.tlsmachine.impl.handshake.HandshakeContext;
import io.tlsmachine.impl.record.RecordLayer;
import io.tlsmachine.model.Epoch;
import io.tlsmachine.model.Message;
import io.tlsmachine.model.Output;
import io.tlsmachine.ApiInternals;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Checks that only what the transition declares is written, in its order and epoch. */
class FlightWriterTest {

    private final TlsConfig config = TlsConfig.builder().build();
    private final RecordLayer records = new RecordLayer(config.maxHandshakeMessageSize(), config.paddingPolicy());
    private final HandshakeContext ctx = new HandshakeContext(config, ApiInternals.internals(), Role.CLIENT, records);
    private final FlightWriter writer = new FlightWriter(records.writer(), content -> { });

    private static Finished finished() {
        return new Finished(Opaque.of(new byte[12]));
    }

    private static Reason reasonOf(Throwable e) {
        return ((TlsException) e).reason();
    }

    @Test
    void writesADeclaredMessageTheStepProduced() {
        ctx.flight().handshake(Message.FINISHED, finished(), null);
        writer.write(ctx.flight(), List.of(Output.send(Message.FINISHED, Epoch.PLAINTEXT)));
        assertThat(HexFormat.of().formatHex(writer.drain())).isEqualTo("1603030010" + "1400000c" + "00".repeat(12));
    }

    @Test
    void writesDeclaredAlertsAndChangeCipherSpecFromTheDeclarationAlone() {
        writer.write(ctx.flight(), List.of(Output.send(Message.CHANGE_CIPHER_SPEC, Epoch.PLAINTEXT),
                Output.send(Message.ALERT_CLOSE_NOTIFY, Epoch.PLAINTEXT)));
        assertThat(HexFormat.of().formatHex(writer.drain())).isEqualTo("140303000101" + "15030300020100");
    }

    @Test
    void refusesAStepThatProducedAnotherMessageThanDeclared() {
        ctx.flight().handshake(Message.FINISHED, finished(), null);
        assertThatThrownBy(() -> writer.write(ctx.flight(), List.of(Output.send(Message.CERTIFICATE_VERIFY, Epoch.PLAINTEXT))))
                .satisfies(e -> assertThat(reasonOf(e)).isEqualTo(Reason.INTERNAL_ERROR));
    }

    @Test
    void refusesAStepThatProducedAnUndeclaredMessage() {
        ctx.flight().handshake(Message.FINISHED, finished(), null);
        assertThatThrownBy(() -> writer.write(ctx.flight(), List.of()))
                .satisfies(e -> assertThat(reasonOf(e)).isEqualTo(Reason.INTERNAL_ERROR));
    }

    @Test
    void refusesAMessageDeclaredUnderAnotherEpochThanTheWriteKey() {
        ctx.flight().handshake(Message.FINISHED, finished(), null);
        assertThatThrownBy(() -> writer.write(ctx.flight(), List.of(Output.send(Message.FINISHED, Epoch.HANDSHAKE))))
                .satisfies(e -> assertThat(reasonOf(e)).isEqualTo(Reason.INTERNAL_ERROR));
    }

    @Test
    void sendsAtMostOneFatalAlert() {
        writer.writeFatalAlert(io.tlsmachine.AlertDescription.DECODE_ERROR);
        writer.writeFatalAlert(io.tlsmachine.AlertDescription.INTERNAL_ERROR);
        assertThat(HexFormat.of().formatHex(writer.drain())).isEqualTo("15030300020232");
    }
}
