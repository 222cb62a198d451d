package io.tlsmachine.impl.codec.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.tlsmachine.impl.codec.ByteReader;
import io.tlsmachine.impl.codec.ByteWriter;
import io.tlsmachine.impl.codec.Opaque;
import io.tlsmachine.impl.codec.RandomValues;
import io.tlsmachine.AlertDescription;
import io.tlsmachine.impl.codec.types.ExtensionType;
import io.tlsmachine.impl.codec.types.NamedGroup;
import io.tlsmachine.impl.codec.types.VersionCode;
import io.tlsmachine.impl.error.DecodeException;
import io.tlsmachine.Reason;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Extension blocks: every form in every message it may appear in, and the block-level rules of RFC 8446 §4.2. */
class ExtensionCodecTest {
    private static final int ROUND_TRIPS = 200;

    /** Whether the extension_data runs to its end, so an extra byte is more data, not trailing bytes. */
    private static boolean openEnded(Extension extension) {
        return extension instanceof Padding || extension instanceof SessionTicket
                || extension instanceof UnknownExtension
                || extension instanceof StatusRequest request && request.statusType() != StatusRequest.OCSP
                || extension instanceof CertificateStatus status && status.statusType() != CertificateStatus.OCSP;
    }

    static Stream<Object[]> formsInContexts() {
        return ExtensionGenerator.formsInContexts().stream();
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("formsInContexts")
    void encodeThenDecodeThenEncodeGivesTheSameExtensionAndBytes(ExtensionGenerator.Form form,
            ExtensionContext context) {
        for (long seed = 0; seed < ROUND_TRIPS; seed++) {
            Extension extension = form.generator().apply(new RandomValues(seed), context);
            byte[] block = encodeBlock(List.of(extension));
            List<Extension> decoded = decodeBlock(block, context);
            assertThat(decoded).as("%s in %s seed %d", form, context, seed).containsExactly(extension);
            assertThat(encodeBlock(decoded)).as("%s in %s seed %d", form, context, seed).isEqualTo(block);
        }
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("formsInContexts")
    void everyStrictPrefixOfABlockIsRejected(ExtensionGenerator.Form form, ExtensionContext context) {
        for (long seed = 0; seed < 10; seed++) {
            byte[] block = encodeBlock(List.of(form.generator().apply(new RandomValues(seed), context)));
            for (int length = 0; length < block.length; length++) {
                byte[] prefix = Arrays.copyOf(block, length);
                assertThat(catchThrowable(() -> decodeBlockStrictly(prefix, context)))
                        .as("%s in %s seed %d prefix %d", form, context, seed, length)
                        .isInstanceOf(DecodeException.class);
            }
        }
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("formsInContexts")
    void aByteAfterTheExtensionDataIsRejectedUnlessTheFormIsOpenEnded(ExtensionGenerator.Form form,
            ExtensionContext context) {
        for (long seed = 0; seed < 20; seed++) {
            Extension extension = form.generator().apply(new RandomValues(seed), context);
            ByteWriter data = new ByteWriter();
            extension.writeData(data);
            byte[] block = new ByteWriter().prefixed16(w -> w.u16(extension.type().code())
                    .prefixed16(d -> d.bytes(data.toByteArray()).u8(0))).toByteArray();
            Throwable thrown = catchThrowable(() -> decodeBlock(block, context));
            if (openEnded(extension)) {
                assertThat(thrown).as("%s seed %d", form, seed).isNull();
            } else {
                assertThat(thrown).as("%s in %s seed %d", form, context, seed).isInstanceOf(DecodeException.class);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ExtensionContext.class)
    void randomBlocksOfAMessageRoundTripInTheirOrder(ExtensionContext context) {
        for (long seed = 0; seed < ROUND_TRIPS; seed++) {
            List<Extension> extensions = ExtensionGenerator.block(new RandomValues(seed), context, 15);
            byte[] block = encodeBlock(extensions);
            List<Extension> decoded = decodeBlock(block, context);
            assertThat(decoded).as("%s seed %d", context, seed).containsExactlyElementsOf(extensions);
            assertThat(encodeBlock(decoded)).as("%s seed %d", context, seed).isEqualTo(block);
        }
    }

    @ParameterizedTest
    @EnumSource(ExtensionContext.class)
    void randomBytesAsABlockOnlyEverFailWithDecodeException(ExtensionContext context) {
        for (long seed = 0; seed < 3_000; seed++) {
            Random random = new Random(seed);
            byte[] data = new byte[random.nextInt(120)];
            random.nextBytes(data);
            if (seed % 3 == 0 && data.length >= 4) {
                // make the first extension a modelled one, so its decoder sees the garbage
                int code = new ArrayList<>(ExtensionGenerator.MODELLED_CODES).get(random.nextInt(20));
                data[0] = (byte) (code >>> 8);
                data[1] = (byte) code;
                data[2] = 0;
                data[3] = (byte) (data.length - 4);
            }
            byte[] block = new ByteWriter().prefixed16(w -> w.bytes(data)).toByteArray();
            try {
                List<Extension> decoded = decodeBlock(block, context);
                assertThat(encodeBlock(decoded)).as("%s seed %d", context, seed).isEqualTo(block);
            } catch (DecodeException expected) {
                // the only failure allowed
            }
        }
    }

    /** Duplicates are judged by ExtensionCheck (the one place), so the decoder keeps them, in order. */
    @Test
    void keepsADuplicatedExtensionTypeInOrderForTheTableCheck() {
        List<Extension> twice = List.of(new ExtendedMasterSecret(), new PostHandshakeAuth(), new ExtendedMasterSecret());
        assertThat(decodeBlock(encodeBlock(twice), ExtensionContext.CLIENT_HELLO)).isEqualTo(twice);
        ExtensionType grease = new ExtensionType(0x1A1A);
        List<Extension> unknownTwice = List.of(new UnknownExtension(grease, Opaque.EMPTY),
                new UnknownExtension(grease, Opaque.ofUnsigned(1)));
        assertThat(decodeBlock(encodeBlock(unknownTwice), ExtensionContext.ENCRYPTED_EXTENSIONS)).isEqualTo(unknownTwice);
    }

    @Test
    void rejectsPreSharedKeyThatIsNotTheLastExtensionOfAClientHello() {
        PreSharedKeyOffer psk = ExtensionGenerator.preSharedKeyOffer(new RandomValues(7));
        byte[] block = encodeBlock(List.of(psk, new ExtendedMasterSecret()));
        assertThatThrownBy(() -> decodeBlock(block, ExtensionContext.CLIENT_HELLO))
                .isInstanceOfSatisfying(DecodeException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.ILLEGAL_PARAMETER);
                    assertThat(e.what()).contains("pre_shared_key");
                });
    }

    @Test
    void acceptsPreSharedKeyAsTheLastExtensionOfAClientHello() {
        PreSharedKeyOffer psk = ExtensionGenerator.preSharedKeyOffer(new RandomValues(8));
        List<Extension> extensions = List.of(new ExtendedMasterSecret(), psk);
        assertThat(decodeBlock(encodeBlock(extensions), ExtensionContext.CLIENT_HELLO)).isEqualTo(extensions);
    }

    @Test
    void acceptsTheServersSelectedPreSharedKeyAnywhereInServerHello() {
        List<Extension> extensions = List.of(new PreSharedKeySelected(0),
                new SupportedVersionSelected(VersionCode.TLS13));
        assertThat(decodeBlock(encodeBlock(extensions), ExtensionContext.SERVER_HELLO)).isEqualTo(extensions);
    }

    @Test
    void keepsEveryRecognisedExtensionInAMessageItIsNotSpecifiedForUndecoded() {
        int checked = 0;
        for (ExtensionGenerator.Form form : ExtensionGenerator.FORMS) {
            if (form.code() < 0) {
                continue;
            }
            EnumSet<ExtensionContext> allowed = EnumSet.noneOf(ExtensionContext.class);
            ExtensionGenerator.FORMS.stream().filter(f -> f.code() == form.code())
                    .forEach(f -> allowed.addAll(f.contexts()));
            ExtensionContext home = form.contexts().iterator().next();
            byte[] block = encodeBlock(List.of(form.generator().apply(new RandomValues(1), home)));
            for (ExtensionContext context : EnumSet.complementOf(allowed)) {
                // Kept undecoded, as its type with its exact data: ExtensionCheck refuses it (illegal_parameter).
                List<Extension> decoded = decodeBlock(block, context);
                assertThat(decoded).as("%s in %s", form, context).hasSize(1);
                assertThat(decoded.get(0)).as("%s in %s", form, context).isInstanceOf(UnknownExtension.class);
                assertThat(encodeBlock(decoded)).isEqualTo(block);
                assertThat(ExtensionRules.row(decoded.get(0).type())).as("a known type").isPresent();
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(50);
    }

    @Test
    void keepsAnUnknownExtensionWithItsExactData() {
        UnknownExtension grease = new UnknownExtension(new ExtensionType(0xDADA), Opaque.ofUnsigned(0, 1, 2));
        List<Extension> decoded = decodeBlock(encodeBlock(List.of(grease)), ExtensionContext.CLIENT_HELLO);
        assertThat(decoded).containsExactly(grease);
        assertThat(grease.type().name()).isEqualTo("unknown(0xDADA)");
    }

    @Test
    void rejectsARecordSizeLimitBelow64WithIllegalParameter() {
        byte[] block = new ByteWriter().prefixed16(w -> w.u16(28).prefixed16(d -> d.u16(63))).toByteArray();
        assertThatThrownBy(() -> decodeBlock(block, ExtensionContext.ENCRYPTED_EXTENSIONS))
                .isInstanceOfSatisfying(DecodeException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.ILLEGAL_PARAMETER));
    }

    @Test
    void rejectsAnAlpnSelectionOfTwoProtocols() {
        byte[] block = encodeBlock(List.of(ApplicationLayerProtocolNegotiation.of("h2", "http/1.1")));
        assertThat(decodeBlock(block, ExtensionContext.CLIENT_HELLO)).hasSize(1);
        assertThatThrownBy(() -> decodeBlock(block, ExtensionContext.ENCRYPTED_EXTENSIONS))
                .isInstanceOf(DecodeException.class);
    }

    @Test
    void rejectsAVectorLengthOutsideItsRfcBoundsWithLengthOutOfRange() {
        // supported_groups named_group_list<2..2^16-1> holding zero bytes
        byte[] block = new ByteWriter().prefixed16(w -> w.u16(10).prefixed16(d -> d.u16(0))).toByteArray();
        assertThatThrownBy(() -> decodeBlock(block, ExtensionContext.CLIENT_HELLO))
                .isInstanceOfSatisfying(DecodeException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.LENGTH_OUT_OF_RANGE);
                    assertThat(e.what()).contains("supported_groups");
                    assertThat(e.offset()).isEqualTo(6);
                });
    }

    @Test
    void rejectsAKeyShareEntryWithAnEmptyKeyExchange() {
        byte[] block = new ByteWriter().prefixed16(w -> w.u16(51).prefixed16(d -> d.u16(0x1D).u16(0))).toByteArray();
        assertThatThrownBy(() -> decodeBlock(block, ExtensionContext.SERVER_HELLO))
                .isInstanceOfSatisfying(DecodeException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.LENGTH_OUT_OF_RANGE));
    }

    @Test
    void decodesEachKeyShareFormByItsMessage() {
        KeyShareEntry share = new KeyShareEntry(NamedGroup.X25519, Opaque.of(new byte[32]));
        assertThat(decodeBlock(encodeBlock(List.of(new KeyShareOffer(List.of(share)))), ExtensionContext.CLIENT_HELLO))
                .containsExactly(new KeyShareOffer(List.of(share)));
        assertThat(decodeBlock(encodeBlock(List.of(new KeyShareSelected(share))), ExtensionContext.SERVER_HELLO))
                .containsExactly(new KeyShareSelected(share));
        assertThat(decodeBlock(encodeBlock(List.of(new KeyShareRetry(NamedGroup.SECP256R1))),
                ExtensionContext.HELLO_RETRY_REQUEST)).containsExactly(new KeyShareRetry(NamedGroup.SECP256R1));
    }

    @Test
    void bindersLengthCoversTheBindersVectorAndItsPrefix() {
        PreSharedKeyOffer psk = ExtensionGenerator.preSharedKeyOffer(new RandomValues(3));
        ByteWriter data = new ByteWriter();
        psk.writeData(data);
        ByteReader reader = ByteReader.of(data.toByteArray());
        reader.sub16("identities", 0, 0xFFFF);
        assertThat(reader.remaining()).isEqualTo(psk.bindersLength());
    }

    @Test
    void doesNotPrintBindersOrTheRenegotiationVerifyData() {
        Opaque binder = Opaque.ofHex("ab".repeat(32));
        PreSharedKeyOffer psk = new PreSharedKeyOffer(
                List.of(new PskIdentity(Opaque.ofUnsigned(1, 2, 3), 5)), List.of(binder));
        RenegotiationInfo info = new RenegotiationInfo(Opaque.ofHex("cd".repeat(12)));
        assertThat(psk.toString()).doesNotContain("abab");
        assertThat(info.toString()).doesNotContain("cdcd");
    }

    private static byte[] encodeBlock(List<Extension> extensions) {
        ByteWriter out = new ByteWriter();
        ExtensionCodec.encodeBlock(out, extensions, "test.extensions", 0, 0xFFFF);
        return out.toByteArray();
    }

    private static List<Extension> decodeBlock(byte[] block, ExtensionContext context) {
        ByteReader reader = ByteReader.of(block);
        List<Extension> extensions = ExtensionCodec.decodeBlock(reader, context, 0, 0xFFFF);
        reader.expectEmpty("test block");
        return extensions;
    }

    private static void decodeBlockStrictly(byte[] block, ExtensionContext context) {
        decodeBlock(block, context);
    }
}
