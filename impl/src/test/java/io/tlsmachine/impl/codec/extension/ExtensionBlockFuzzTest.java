package io.tlsmachine.impl.codec.extension;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.impl.codec.ByteReader;
import io.tlsmachine.impl.codec.ByteWriter;
import io.tlsmachine.impl.codec.RandomValues;
import io.tlsmachine.TlsException;
import io.tlsmachine.impl.fuzz.FuzzOracle;
import io.tlsmachine.impl.fuzz.FuzzTarget;
import io.tlsmachine.impl.fuzz.SeedFiles;
import java.util.LinkedHashMap;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Jazzer target for every extension codec: the first byte picks the message whose block is read (ClientHello,
 * ServerHello, HelloRetryRequest, EncryptedExtensions, CertificateEntry, CertificateRequest, NewSessionTicket: the
 * form and the allowed set differ), the rest is an extension block {@code extensions<0..2^16-1>}, whose types the
 * fuzzer writes.
 *
 * <p>Oracle: a block decodes or fails with a {@link TlsException} that has an alert to send; a decoded block
 * re-encodes to exactly the bytes it was read from (extension order and forms are kept: the transcript and PSK binders
 * hash them); bounded allocation.
 */
class ExtensionBlockFuzzTest {

    @FuzzTarget
    void decodesExactlyOrFailsWithAnAlert(byte[] input) {
        if (input.length == 0) {
            return;
        }
        ExtensionContext context = ExtensionContext.values()[(input[0] & 0xFF) % ExtensionContext.values().length];
        byte[] block = Arrays.copyOfRange(input, 1, input.length);
        Decoded decoded;
        try {
            decoded = FuzzOracle.withinAllocation("decoding " + block.length + " bytes", (1 << 20) + 32L * block.length,
                    () -> {
                        ByteReader in = ByteReader.of(block);
                        return new Decoded(ExtensionCodec.decodeBlock(in, context, 0, 0xFFFF), in.offset());
                    });
        } catch (TlsException rejected) {
            FuzzOracle.assertTurnsIntoAnAlert(rejected);
            return;
        }
        ByteWriter out = new ByteWriter();
        ExtensionCodec.encodeBlock(out, decoded.extensions(), context.messageName() + ".extensions", 0, 0xFFFF);
        assertThat(out.toByteArray()).as("%s in %s re-encodes to the bytes read", decoded.extensions(), context)
                .isEqualTo(Arrays.copyOf(block, decoded.length()));
    }

    private record Decoded(List<Extension> extensions, int length) {
    }

    /** Seeds: every extension form in every message it may appear in, alone, and a generated block per message. */
    static Map<String, byte[]> seeds() {
        Map<String, byte[]> seeds = new LinkedHashMap<>();
        for (Object[] pair : ExtensionGenerator.formsInContexts()) {
            ExtensionGenerator.Form form = (ExtensionGenerator.Form) pair[0];
            ExtensionContext context = (ExtensionContext) pair[1];
            seeds.put(name(form.name() + "-in-" + context.messageName()),
                    seed(context, List.of(form.generator().apply(new RandomValues(1), context))));
        }
        for (ExtensionContext context : ExtensionContext.values()) {
            seeds.put(name("block-" + context.messageName()), seed(context, ExtensionGenerator.block(new RandomValues(2), context, 8)));
        }
        return seeds;
    }

    private static byte[] seed(ExtensionContext context, List<Extension> block) {
        ByteWriter out = new ByteWriter();
        out.u8(context.ordinal());
        ExtensionCodec.encodeBlock(out, block, "seed", 0, 0xFFFF);
        return out.toByteArray();
    }

    private static String name(String text) {
        return text.replaceAll("[^A-Za-z0-9.-]+", "_");
    }

    @Test
    void committedSeedsCoverEveryFormInEveryMessage() {
        SeedFiles.writeIfAsked(ExtensionBlockFuzzTest.class, "decodesExactlyOrFailsWithAnAlert", seeds());
        assertThat(SeedFiles.committed(ExtensionBlockFuzzTest.class, "decodesExactlyOrFailsWithAnAlert"))
                .as("a committed seed per form and message (regenerate: -Dtlsm.fuzz.writeSeeds=true)")
                .containsAll(seeds().keySet());
    }
}
