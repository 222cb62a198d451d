package io.tlsmachine.impl.codec.message;

import io.tlsmachine.model.analysis.Role;
import io.tlsmachine.impl.codec.Opaque;
import io.tlsmachine.impl.codec.RandomValues;
import io.tlsmachine.impl.codec.extension.Extension;
import io.tlsmachine.impl.codec.extension.ExtensionContext;
import io.tlsmachine.impl.codec.extension.ExtensionGenerator;
import io.tlsmachine.impl.codec.extension.SignatureAlgorithms;
import io.tlsmachine.impl.codec.extension.SupportedVersionSelected;
import io.tlsmachine.impl.codec.types.CertificateType;
import io.tlsmachine.CipherSuite;
import io.tlsmachine.impl.codec.types.NamedGroup;
import io.tlsmachine.impl.codec.types.VersionCode;
import io.tlsmachine.impl.codec.types.SignatureScheme;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Seeded generators of valid handshake messages, each with the decode context that reads it. */
public final class MessageGenerator {

    /** One message kind: a name, the context its decoder needs, and a generator. */
    public record Kind(String name, DecodeContext context, Function<RandomValues, HandshakeMessage> generator) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final DecodeContext INITIAL = DecodeContext.beforeNegotiation(Role.CLIENT);
    static final DecodeContext TLS13 = DecodeContext.tls13(Role.SERVER, 32);
    static final DecodeContext TLS13_SHA384 = DecodeContext.tls13(Role.SERVER, 48);
    static final DecodeContext TLS12_ECDHE = DecodeContext.tls12(Role.SERVER, KeyExchangeKind.ECDHE);
    static final DecodeContext TLS12_DHE = DecodeContext.tls12(Role.SERVER, KeyExchangeKind.DHE);
    static final DecodeContext TLS12_RSA = DecodeContext.tls12(Role.CLIENT, KeyExchangeKind.RSA);

    public static final List<Kind> KINDS = List.of(
            new Kind("ClientHello", INITIAL, MessageGenerator::clientHello),
            new Kind("ServerHello", INITIAL, MessageGenerator::serverHello),
            new Kind("HelloRetryRequest", INITIAL, r -> new HelloRetryRequest(VersionCode.TLS12, r.opaque(0, 32),
                    new CipherSuite(r.between(0, 0xFFFF)), r.between(0, 255),
                    withSupportedVersion(r, ExtensionContext.HELLO_RETRY_REQUEST))),
            new Kind("EncryptedExtensions", TLS13, r -> new EncryptedExtensions(
                    ExtensionGenerator.block(r, ExtensionContext.ENCRYPTED_EXTENSIONS, 6))),
            new Kind("Certificate(TLS 1.2)", TLS12_ECDHE, r -> new Tls12Certificate(r.list(0, 4, () -> r.opaque(1, 600)))),
            new Kind("Certificate(TLS 1.3)", TLS13, r -> new Tls13Certificate(r.opaque(0, 255), r.list(0, 4,
                    () -> new CertificateEntry(r.opaque(1, 600),
                            ExtensionGenerator.block(r, ExtensionContext.CERTIFICATE, 2))))),
            new Kind("CertificateRequest(TLS 1.2)", TLS12_ECDHE, r -> new Tls12CertificateRequest(
                    r.list(1, 5, () -> new CertificateType(r.between(0, 255))),
                    r.list(1, 20, () -> new SignatureScheme(r.between(0, 0xFFFF))),
                    r.list(0, 4, () -> r.opaque(1, 100)))),
            new Kind("CertificateRequest(TLS 1.3)", TLS13, r -> new Tls13CertificateRequest(r.opaque(0, 255),
                    withSignatureAlgorithms(r))),
            new Kind("CertificateVerify", TLS13, r -> new CertificateVerify(
                    new SignatureScheme(r.between(0, 0xFFFF)), r.opaque(0, 600))),
            new Kind("ServerKeyExchange(ECDHE)", TLS12_ECDHE, r -> new EcdheServerKeyExchange(
                    new NamedGroup(r.between(0, 0xFFFF)), r.opaque(1, 255),
                    new SignatureScheme(r.between(0, 0xFFFF)), r.opaque(0, 600))),
            new Kind("ServerKeyExchange(DHE)", TLS12_DHE, r -> new DheServerKeyExchange(r.opaque(1, 512),
                    r.opaque(1, 4), r.opaque(1, 512), new SignatureScheme(r.between(0, 0xFFFF)), r.opaque(0, 600))),
            new Kind("ServerHelloDone", TLS12_RSA, r -> new ServerHelloDone()),
            new Kind("ClientKeyExchange(ECDHE)", TLS12_ECDHE, r -> new EcdheClientKeyExchange(r.opaque(1, 255))),
            new Kind("ClientKeyExchange(DHE)", TLS12_DHE, r -> new DheClientKeyExchange(r.opaque(1, 512))),
            new Kind("ClientKeyExchange(RSA)", TLS12_RSA, r -> new RsaClientKeyExchange(r.opaque(0, 512))),
            new Kind("Finished(TLS 1.3, SHA-256)", TLS13, r -> new Finished(r.bytes(32))),
            new Kind("Finished(TLS 1.3, SHA-384)", TLS13_SHA384, r -> new Finished(r.bytes(48))),
            new Kind("Finished(TLS 1.2)", TLS12_ECDHE, r -> new Finished(r.bytes(12))),
            new Kind("NewSessionTicket(TLS 1.2)", TLS12_ECDHE, r -> new Tls12NewSessionTicket(r.u32(), r.opaque(0, 600))),
            new Kind("NewSessionTicket(TLS 1.3)", TLS13, r -> new Tls13NewSessionTicket(r.u32(), r.u32(),
                    r.opaque(0, 255), r.opaque(1, 600), ExtensionGenerator.block(r, ExtensionContext.NEW_SESSION_TICKET, 2))),
            new Kind("EndOfEarlyData", TLS13, r -> new EndOfEarlyData()),
            new Kind("KeyUpdate", TLS13, r -> new KeyUpdate(r.chance(50))),
            new Kind("HelloRequest", INITIAL, r -> new HelloRequest()),
            new Kind("message_hash", TLS13_SHA384, r -> new MessageHash(r.bytes(48))));

    private MessageGenerator() {
    }

    static ClientHello clientHello(RandomValues r) {
        VersionCode version = new VersionCode(r.pick(List.of(0x0303, 0x0301, 0x0300, r.between(0, 0xFFFF))));
        List<CipherSuite> suites = r.list(1, 40, () -> new CipherSuite(r.between(0, 0xFFFF)));
        Opaque compression = r.chance(80) ? Opaque.ofUnsigned(0) : r.opaque(1, 255);
        if (r.chance(15)) {
            return new ClientHello(version, r.bytes(32), r.opaque(0, 32), suites, compression, List.of(), false);
        }
        return new ClientHello(version, r.bytes(32), r.opaque(0, 32), suites, compression,
                ExtensionGenerator.block(r, ExtensionContext.CLIENT_HELLO, 12), true);
    }

    static ServerHello serverHello(RandomValues r) {
        VersionCode version = new VersionCode(r.pick(List.of(0x0303, 0x0301, r.between(0, 0xFFFF))));
        CipherSuite suite = new CipherSuite(r.between(0, 0xFFFF));
        if (r.chance(15)) {
            return new ServerHello(version, r.bytes(32), r.opaque(0, 32), suite, r.between(0, 255), List.of(), false);
        }
        return new ServerHello(version, r.bytes(32), r.opaque(0, 32), suite, r.between(0, 255),
                ExtensionGenerator.block(r, ExtensionContext.SERVER_HELLO, 6), true);
    }

    /** RFC 8446 §4.3.2: a CertificateRequest always carries signature_algorithms. */
    static List<Extension> withSignatureAlgorithms(RandomValues r) {
        List<Extension> block = new ArrayList<>(ExtensionGenerator.block(r, ExtensionContext.CERTIFICATE_REQUEST, 4));
        if (block.stream().noneMatch(e -> e instanceof SignatureAlgorithms)) {
            block.add(r.between(0, block.size()), new SignatureAlgorithms(List.of(SignatureScheme.ED25519)));
        }
        return block;
    }

    /** A HelloRetryRequest block needs at least 6 bytes: supported_versions first, then a random block. */
    static List<Extension> withSupportedVersion(RandomValues r, ExtensionContext context) {
        List<Extension> block =
                new ArrayList<>(ExtensionGenerator.block(r, context, 3));
        block.removeIf(e -> e.type().code() == 43);
        block.add(r.between(0, block.size()),
                new SupportedVersionSelected(VersionCode.TLS13));
        return block;
    }
}
