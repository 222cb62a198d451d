package io.tlsmachine.impl.codec.extension;

import static io.tlsmachine.impl.codec.extension.ExtensionContext.CERTIFICATE;
import static io.tlsmachine.impl.codec.extension.ExtensionContext.CERTIFICATE_REQUEST;
import static io.tlsmachine.impl.codec.extension.ExtensionContext.CLIENT_HELLO;
import static io.tlsmachine.impl.codec.extension.ExtensionContext.ENCRYPTED_EXTENSIONS;
import static io.tlsmachine.impl.codec.extension.ExtensionContext.HELLO_RETRY_REQUEST;
import static io.tlsmachine.impl.codec.extension.ExtensionContext.NEW_SESSION_TICKET;
import static io.tlsmachine.impl.codec.extension.ExtensionContext.SERVER_HELLO;

import io.tlsmachine.impl.codec.ByteWriter;
import io.tlsmachine.impl.codec.Opaque;
import io.tlsmachine.impl.codec.RandomValues;
import io.tlsmachine.impl.codec.types.ECPointFormat;
import io.tlsmachine.impl.codec.types.ExtensionType;
import io.tlsmachine.impl.codec.types.NamedGroup;
import io.tlsmachine.impl.codec.types.VersionCode;
import io.tlsmachine.PskKeyExchangeMode;
import io.tlsmachine.impl.codec.types.SignatureScheme;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/** Seeded generators of valid extensions, one per (extension form, message context). */
public final class ExtensionGenerator {

    /** One extension form: its name, the messages it may appear in, and a generator. */
    public record Form(String name, int code, Set<ExtensionContext> contexts,
            BiFunction<RandomValues, ExtensionContext, Extension> generator) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** Code points that {@link ExtensionCodec} decodes to a record of its own. */
    public static final Set<Integer> MODELLED_CODES =
            Set.of(0, 5, 10, 11, 13, 16, 21, 23, 28, 35, 41, 42, 43, 44, 45, 47, 49, 50, 51, 0xFF01);

    public static final List<Form> FORMS = List.of(
            form("server_name(list)", 0, EnumSet.of(CLIENT_HELLO), (r, c) -> new ServerName(
                    r.list(1, 3, () -> new ServerNameEntry(r.chance(80) ? 0 : r.between(0, 255), r.opaque(1, 300))))),
            form("server_name(ack)", 0, EnumSet.of(SERVER_HELLO, ENCRYPTED_EXTENSIONS),
                    (r, c) -> ServerName.acknowledgement()),
            form("status_request", 5, EnumSet.of(CLIENT_HELLO), (r, c) -> statusRequest(r)),
            form("status_request(empty)", 5, EnumSet.of(SERVER_HELLO, CERTIFICATE_REQUEST),
                    (r, c) -> new StatusRequestAck()),
            form("status_request(CertificateStatus)", 5, EnumSet.of(CERTIFICATE), (r, c) -> r.chance(80)
                    ? new CertificateStatus(CertificateStatus.OCSP, r.opaque(1, 500))
                    : new CertificateStatus(r.between(2, 255), r.opaque(0, 50))),
            form("supported_groups", 10, EnumSet.of(CLIENT_HELLO, ENCRYPTED_EXTENSIONS), (r, c) -> new SupportedGroups(
                    r.list(1, 20, () -> new NamedGroup(r.between(0, 0xFFFF))))),
            form("ec_point_formats", 11, EnumSet.of(CLIENT_HELLO, SERVER_HELLO), (r, c) -> new EcPointFormats(
                    r.list(1, 5, () -> new ECPointFormat(r.between(0, 255))))),
            form("signature_algorithms", 13, EnumSet.of(CLIENT_HELLO, CERTIFICATE_REQUEST),
                    (r, c) -> new SignatureAlgorithms(r.list(1, 30, () -> new SignatureScheme(r.between(0, 0xFFFF))))),
            form("signature_algorithms_cert", 50, EnumSet.of(CLIENT_HELLO, CERTIFICATE_REQUEST),
                    (r, c) -> new SignatureAlgorithmsCert(r.list(1, 30, () -> new SignatureScheme(r.between(0, 0xFFFF))))),
            form("application_layer_protocol_negotiation", 16, EnumSet.of(CLIENT_HELLO, SERVER_HELLO, ENCRYPTED_EXTENSIONS),
                    (r, c) -> new ApplicationLayerProtocolNegotiation(
                            r.list(1, c == CLIENT_HELLO ? 5 : 1, () -> r.opaque(1, 255)))),
            form("padding", 21, EnumSet.of(CLIENT_HELLO), (r, c) -> Padding.zeros(r.length(0, 512))),
            form("extended_master_secret", 23, EnumSet.of(CLIENT_HELLO, SERVER_HELLO), (r, c) -> new ExtendedMasterSecret()),
            form("record_size_limit", 28, EnumSet.of(CLIENT_HELLO, SERVER_HELLO, ENCRYPTED_EXTENSIONS),
                    (r, c) -> new RecordSizeLimit(r.between(64, 0xFFFF))),
            form("session_ticket", 35, EnumSet.of(CLIENT_HELLO, SERVER_HELLO), (r, c) -> new SessionTicket(
                    c == CLIENT_HELLO ? r.opaque(0, 400) : Opaque.EMPTY)),
            form("pre_shared_key(offer)", 41, EnumSet.of(CLIENT_HELLO), (r, c) -> preSharedKeyOffer(r)),
            form("pre_shared_key(selected)", 41, EnumSet.of(SERVER_HELLO),
                    (r, c) -> new PreSharedKeySelected(r.between(0, 0xFFFF))),
            form("early_data", 42, EnumSet.of(CLIENT_HELLO, ENCRYPTED_EXTENSIONS), (r, c) -> new EarlyData()),
            form("early_data(max_early_data_size)", 42, EnumSet.of(NEW_SESSION_TICKET),
                    (r, c) -> new EarlyDataLimit(r.u32())),
            form("supported_versions(offer)", 43, EnumSet.of(CLIENT_HELLO), (r, c) -> new SupportedVersionsOffer(
                    r.list(1, 127, () -> new VersionCode(r.between(0, 0xFFFF))))),
            form("supported_versions(selected)", 43, EnumSet.of(SERVER_HELLO, HELLO_RETRY_REQUEST),
                    (r, c) -> new SupportedVersionSelected(new VersionCode(r.between(0, 0xFFFF)))),
            form("cookie", 44, EnumSet.of(CLIENT_HELLO, HELLO_RETRY_REQUEST), (r, c) -> new Cookie(r.opaque(1, 0xFFFF))),
            form("psk_key_exchange_modes", 45, EnumSet.of(CLIENT_HELLO), (r, c) -> new PskKeyExchangeModes(
                    r.list(1, 4, () -> new PskKeyExchangeMode(r.between(0, 255))))),
            form("certificate_authorities", 47, EnumSet.of(CLIENT_HELLO, CERTIFICATE_REQUEST),
                    (r, c) -> new CertificateAuthorities(r.list(1, 4, () -> r.opaque(1, 120)))),
            form("post_handshake_auth", 49, EnumSet.of(CLIENT_HELLO), (r, c) -> new PostHandshakeAuth()),
            form("key_share(offer)", 51, EnumSet.of(CLIENT_HELLO), (r, c) -> new KeyShareOffer(
                    r.list(0, 4, () -> keyShareEntry(r)))),
            form("key_share(server_share)", 51, EnumSet.of(SERVER_HELLO), (r, c) -> new KeyShareSelected(keyShareEntry(r))),
            form("key_share(selected_group)", 51, EnumSet.of(HELLO_RETRY_REQUEST),
                    (r, c) -> new KeyShareRetry(new NamedGroup(r.between(0, 0xFFFF)))),
            form("renegotiation_info", 0xFF01, EnumSet.of(CLIENT_HELLO, SERVER_HELLO),
                    (r, c) -> new RenegotiationInfo(r.opaque(0, 255))),
            form("unknown", -1, EnumSet.allOf(ExtensionContext.class),
                    (r, c) -> new UnknownExtension(unknownType(r), r.opaque(0, 200))));

    private ExtensionGenerator() {
    }

    private static Form form(String name, int code, Set<ExtensionContext> contexts,
            BiFunction<RandomValues, ExtensionContext, Extension> generator) {
        return new Form(name, code, Set.copyOf(contexts), generator);
    }

    /** Returns every (form, context) pair the codec must accept. */
    public static List<Object[]> formsInContexts() {
        List<Object[]> pairs = new ArrayList<>();
        for (Form form : FORMS) {
            for (ExtensionContext context : ExtensionContext.values()) {
                if (form.contexts().contains(context)) {
                    pairs.add(new Object[] {form, context});
                }
            }
        }
        return pairs;
    }

    /** Returns a random valid extension block for a message, without duplicates, pre_shared_key last. */
    public static List<Extension> block(RandomValues r, ExtensionContext context, int maxCount) {
        List<Form> candidates = new ArrayList<>(FORMS.stream().filter(f -> f.contexts().contains(context)).toList());
        Collections.shuffle(candidates, r.random());
        Set<Integer> used = new HashSet<>();
        List<Extension> block = new ArrayList<>();
        Extension psk = null;
        int count = r.between(0, maxCount);
        for (Form form : candidates) {
            if (block.size() >= count) {
                break;
            }
            Extension extension = form.generator().apply(r, context);
            if (!used.add(extension.type().code())) {
                continue;
            }
            if (extension instanceof PreSharedKeyOffer) {
                psk = extension;
            } else if (!(extension instanceof Cookie) || r.chance(30)) {
                block.add(extension);
            }
        }
        if (psk != null) {
            block.add(psk);
        }
        return block;
    }

    static StatusRequest statusRequest(RandomValues r) {
        if (r.chance(20)) {
            return new StatusRequest(r.between(2, 255), r.opaque(0, 40));
        }
        ByteWriter ocsp = new ByteWriter();
        List<Opaque> responders = r.list(0, 3, () -> r.opaque(1, 60));
        ocsp.list16("responder_id_list", 0, 0xFFFF, responders, (w, id) -> w.opaque16("ResponderID", 1, 0xFFFF, id));
        ocsp.opaque16("request_extensions", 0, 0xFFFF, r.opaque(0, 30));
        return new StatusRequest(StatusRequest.OCSP, Opaque.of(ocsp.toByteArray()));
    }

    static PreSharedKeyOffer preSharedKeyOffer(RandomValues r) {
        int count = r.between(1, 4);
        List<PskIdentity> identities = new ArrayList<>();
        List<Opaque> binders = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            identities.add(new PskIdentity(r.opaque(1, 300), r.u32()));
            binders.add(r.opaque(32, 255));
        }
        return new PreSharedKeyOffer(identities, binders);
    }

    static KeyShareEntry keyShareEntry(RandomValues r) {
        return new KeyShareEntry(new NamedGroup(r.pick(List.of(0x17, 0x18, 0x1D, 0x1E, 0x100, r.between(0, 0xFFFF)))),
                r.opaque(1, 400));
    }

    static ExtensionType unknownType(RandomValues r) {
        while (true) {
            int nibble = r.between(0, 15);
            int grease = nibble << 12 | 0x0A00 | nibble << 4 | 0x0A;
            int code = r.chance(30) ? grease : r.between(0, 0xFFFF);
            if (!MODELLED_CODES.contains(code)) {
                return new ExtensionType(code);
            }
        }
    }
}
