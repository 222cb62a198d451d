package io.tlsmachine.impl.codec.extension;

import static io.tlsmachine.impl.codec.extension.ExtensionContext.CLIENT_HELLO;
import static io.tlsmachine.impl.codec.extension.ExtensionContext.NEW_SESSION_TICKET;

import io.tlsmachine.impl.codec.ByteReader;
import io.tlsmachine.impl.codec.ByteWriter;
import io.tlsmachine.impl.codec.types.ExtensionType;
import io.tlsmachine.impl.error.DecodeException;
import io.tlsmachine.Reason;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes extension blocks, choosing each extension's form by the message it is in.
 *
 * <pre>
 * // RFC 8446 §4.2
 * struct { ExtensionType extension_type; opaque extension_data&lt;0..2^16-1&gt;; } Extension;
 * Extension extensions&lt;0..2^16-1&gt;;   // bounds vary by message
 * </pre>
 *
 * <p>Which extension may appear where, and only once, is not judged here: the table rules (RFC 8446 §4.2, RFC 5246
 * §7.4.1.4) are applied in one place to the decoded block, {@code io.tlsmachine.impl.negotiation.ExtensionCheck}
 * (the engine runs it on every received message). So the decoder keeps duplicates in order, and a known extension
 * in a message that may not carry it in either version ({@link ExtensionRules}) is kept undecoded, as an {@link
 * UnknownExtension} of its type, which the check then refuses with illegal_parameter. Unrecognised types become
 * {@link UnknownExtension} too. Rules enforced while decoding, each a {@link DecodeException}:
 * <ul>
 *   <li>RFC 8446 §4.2.11: pre_shared_key must be the last extension of a ClientHello
 *       (illegal_parameter).</li>
 *   <li>Every extension_data must be consumed exactly ({@link Reason#TRAILING_BYTES}).</li>
 * </ul>
 * The order of extensions is kept as received, so a decoded block re-encodes to the same bytes
 * (transcripts and PSK binders depend on it).
 */
public final class ExtensionCodec {
    private ExtensionCodec() {
    }

    /** Reads an extension block {@code extensions<min..max>} of the message named by {@code context}. */
    public static List<Extension> decodeBlock(ByteReader in, ExtensionContext context, int min, int max) {
        ByteReader block = in.sub16(context.blockWhat(), min, max);
        List<Extension> extensions = new ArrayList<>();
        while (block.hasRemaining()) {
            int at = block.offset();
            ExtensionType type = new ExtensionType(block.u16(context.typeWhat()));
            ByteReader data = block.sub16(context.dataWhat(), 0, 0xFFFF);
            if (context == CLIENT_HELLO && !extensions.isEmpty()
                    && extensions.get(extensions.size() - 1) instanceof PreSharedKeyOffer) {
                throw new DecodeException(Reason.ILLEGAL_PARAMETER,
                        "ClientHello.pre_shared_key is not the last extension", at);
            }
            extensions.add(decodeData(type, data, context));
            if (data.hasRemaining()) {
                throw new DecodeException(Reason.TRAILING_BYTES, name(context, type) + ".extension_data",
                        data.offset());
            }
        }
        return extensions;
    }

    /**
     * Writes an extension block {@code extensions<min..max>} in the given order. It writes what it is
     * given, duplicates and misplaced pre_shared_key included, so tests can build invalid blocks.
     */
    public static void encodeBlock(ByteWriter out, List<Extension> extensions, String what, int min, int max) {
        out.prefixed16(what, min, max, block -> {
            for (Extension extension : extensions) {
                encode(block, extension);
            }
        });
    }

    /** Writes one extension: type, then its length-prefixed data. */
    public static void encode(ByteWriter out, Extension extension) {
        out.u16(extension.type().code());
        out.prefixed16("Extension.extension_data", 0, 0xFFFF, extension::writeData);
    }

    // A known extension that may not appear in this message in either version (ExtensionRules) is kept undecoded:
    // ExtensionCheck refuses it with illegal_parameter (RFC 8446 §4.2), and its data is never parsed in a form
    // the message does not have.
    private static Extension decodeData(ExtensionType type, ByteReader data, ExtensionContext context) {
        if (ExtensionRules.row(type).isPresent() && !ExtensionRules.mayAppearInSomeVersion(type, context)) {
            return new UnknownExtension(type, data.restOpaque());
        }
        switch (type.code()) {
            case 0 -> { // server_name
                return context == CLIENT_HELLO ? ServerName.decodeList(data) : ServerName.acknowledgement();
            }
            case 5 -> { // status_request
                return switch (context) {
                    case CLIENT_HELLO -> StatusRequest.decode(data);
                    case CERTIFICATE -> CertificateStatus.decode(data);
                    default -> new StatusRequestAck();
                };
            }
            case 10 -> { // supported_groups
                return SupportedGroups.decode(data);
            }
            case 11 -> { // ec_point_formats
                return EcPointFormats.decode(data);
            }
            case 13 -> { // signature_algorithms
                return SignatureAlgorithms.decode(data);
            }
            case 16 -> { // application_layer_protocol_negotiation
                return ApplicationLayerProtocolNegotiation.decode(data, context != CLIENT_HELLO);
            }
            case 21 -> { // padding
                return Padding.decode(data);
            }
            case 23 -> { // extended_master_secret
                return new ExtendedMasterSecret();
            }
            case 28 -> { // record_size_limit
                return RecordSizeLimit.decode(data);
            }
            case 35 -> { // session_ticket
                return SessionTicket.decode(data);
            }
            case 41 -> { // pre_shared_key
                return context == CLIENT_HELLO ? PreSharedKeyOffer.decode(data) : PreSharedKeySelected.decode(data);
            }
            case 42 -> { // early_data
                return context == NEW_SESSION_TICKET ? EarlyDataLimit.decode(data) : new EarlyData();
            }
            case 43 -> { // supported_versions
                return context == CLIENT_HELLO
                        ? SupportedVersionsOffer.decode(data) : SupportedVersionSelected.decode(data);
            }
            case 44 -> { // cookie
                return Cookie.decode(data);
            }
            case 45 -> { // psk_key_exchange_modes
                return PskKeyExchangeModes.decode(data);
            }
            case 47 -> { // certificate_authorities
                return CertificateAuthorities.decode(data);
            }
            case 49 -> { // post_handshake_auth
                return new PostHandshakeAuth();
            }
            case 50 -> { // signature_algorithms_cert
                return SignatureAlgorithmsCert.decode(data);
            }
            case 51 -> { // key_share
                return switch (context) {
                    case CLIENT_HELLO -> KeyShareOffer.decode(data);
                    case SERVER_HELLO -> KeyShareSelected.decode(data);
                    default -> KeyShareRetry.decode(data);
                };
            }
            case 0xFF01 -> { // renegotiation_info
                return RenegotiationInfo.decode(data);
            }
            default -> {
                return new UnknownExtension(type, data.restOpaque());
            }
        }
    }

    private static String name(ExtensionContext context, ExtensionType type) {
        return context.messageName() + "." + type.name();
    }
}
