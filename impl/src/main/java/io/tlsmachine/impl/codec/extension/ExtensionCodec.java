package io.tlsmachine.impl.codec.extension;

import static io.tlsmachine.impl.codec.extension.ExtensionContext.CLIENT_HELLO;
import static io.tlsmachine.impl.codec.extension.ExtensionContext.NEW_SESSION_TICKET;

import io.tlsmachine.impl.codec.ByteReader;
import io.tlsmachine.impl.codec.ByteWriter;
import io.tlsmachine.impl.codec.types.ExtensionType;
import io.tlsmachine.impl.error.DecodeException;
import io.tlsmachine.Reason;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads and writes extension blocks, choosing each extension's form by the message it is in.
 *
 * <pre>
 * // RFC 8446 §4.2
 * struct { ExtensionType extension_type; opaque extension_data&lt;0..2^16-1&gt;; } Extension;
 * Extension extensions&lt;0..2^16-1&gt;;   // bounds vary by message
 * </pre>
 *
 * <p>Rules enforced while decoding, each a {@link DecodeException}:
 * <ul>
 *   <li>RFC 8446 §4.2: "There MUST NOT be more than one extension of the same type in a given
 *       extension block." A duplicate is {@link Reason#DUPLICATE_EXTENSION}, which maps to
 *       illegal_parameter: the RFC names no alert for it, and OpenSSL sends illegal_parameter
 *       (Go and rustls send decode_error / illegal_parameter too); one alert for all blocks keeps
 *       the rejection matrix simple.</li>
 *   <li>RFC 8446 §4.2: a recognised extension in a message it is not specified for is
 *       illegal_parameter ({@link Reason#ILLEGAL_PARAMETER}), where "specified" is {@link ExtensionRules} in
 *       either version (the version is not known while decoding). Unrecognised types, and types we keep
 *       no record for, become {@link UnknownExtension} in any message.</li>
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
        Set<Integer> seen = new HashSet<>();
        while (block.hasRemaining()) {
            int at = block.offset();
            ExtensionType type = new ExtensionType(block.u16(context.typeWhat()));
            ByteReader data = block.sub16(context.dataWhat(), 0, 0xFFFF);
            if (!seen.add(type.code())) {
                throw new DecodeException(Reason.DUPLICATE_EXTENSION, name(context, type) + " appears twice", at);
            }
            if (context == CLIENT_HELLO && !extensions.isEmpty()
                    && extensions.get(extensions.size() - 1) instanceof PreSharedKeyOffer) {
                throw new DecodeException(Reason.ILLEGAL_PARAMETER,
                        "ClientHello.pre_shared_key is not the last extension", at);
            }
            extensions.add(decodeData(type, data, context, at));
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

    // RFC 8446 §4.2: "If an implementation receives an extension which it recognizes and which is not specified for
    // the message in which it appears, it MUST abort the handshake with an "illegal_parameter" alert." Where each
    // extension may appear is ExtensionRules (both versions: the version is not known while decoding).
    private static Extension decodeData(ExtensionType type, ByteReader data, ExtensionContext context, int at) {
        switch (type.code()) {
            case 0 -> { // server_name
                allow(context, type, at);
                return context == CLIENT_HELLO ? ServerName.decodeList(data) : ServerName.acknowledgement();
            }
            case 5 -> { // status_request
                allow(context, type, at);
                return switch (context) {
                    case CLIENT_HELLO -> StatusRequest.decode(data);
                    case CERTIFICATE -> CertificateStatus.decode(data);
                    default -> new StatusRequestAck();
                };
            }
            case 10 -> { // supported_groups
                allow(context, type, at);
                return SupportedGroups.decode(data);
            }
            case 11 -> { // ec_point_formats
                allow(context, type, at);
                return EcPointFormats.decode(data);
            }
            case 13 -> { // signature_algorithms
                allow(context, type, at);
                return SignatureAlgorithms.decode(data);
            }
            case 16 -> { // application_layer_protocol_negotiation
                allow(context, type, at);
                return ApplicationLayerProtocolNegotiation.decode(data, context != CLIENT_HELLO);
            }
            case 21 -> { // padding
                allow(context, type, at);
                return Padding.decode(data);
            }
            case 23 -> { // extended_master_secret
                allow(context, type, at);
                return new ExtendedMasterSecret();
            }
            case 28 -> { // record_size_limit
                allow(context, type, at);
                return RecordSizeLimit.decode(data);
            }
            case 35 -> { // session_ticket
                allow(context, type, at);
                return SessionTicket.decode(data);
            }
            case 41 -> { // pre_shared_key
                allow(context, type, at);
                return context == CLIENT_HELLO ? PreSharedKeyOffer.decode(data) : PreSharedKeySelected.decode(data);
            }
            case 42 -> { // early_data
                allow(context, type, at);
                return context == NEW_SESSION_TICKET ? EarlyDataLimit.decode(data) : new EarlyData();
            }
            case 43 -> { // supported_versions
                allow(context, type, at);
                return context == CLIENT_HELLO
                        ? SupportedVersionsOffer.decode(data) : SupportedVersionSelected.decode(data);
            }
            case 44 -> { // cookie
                allow(context, type, at);
                return Cookie.decode(data);
            }
            case 45 -> { // psk_key_exchange_modes
                allow(context, type, at);
                return PskKeyExchangeModes.decode(data);
            }
            case 47 -> { // certificate_authorities
                allow(context, type, at);
                return CertificateAuthorities.decode(data);
            }
            case 49 -> { // post_handshake_auth
                allow(context, type, at);
                return new PostHandshakeAuth();
            }
            case 50 -> { // signature_algorithms_cert
                allow(context, type, at);
                return SignatureAlgorithmsCert.decode(data);
            }
            case 51 -> { // key_share
                allow(context, type, at);
                return switch (context) {
                    case CLIENT_HELLO -> KeyShareOffer.decode(data);
                    case SERVER_HELLO -> KeyShareSelected.decode(data);
                    default -> KeyShareRetry.decode(data);
                };
            }
            case 0xFF01 -> { // renegotiation_info
                allow(context, type, at);
                return RenegotiationInfo.decode(data);
            }
            default -> {
                return new UnknownExtension(type, data.restOpaque());
            }
        }
    }

    private static void allow(ExtensionContext context, ExtensionType type, int at) {
        if (!ExtensionRules.mayAppearInSomeVersion(type, context)) {
            throw new DecodeException(Reason.ILLEGAL_PARAMETER,
                    name(context, type) + " is not allowed in this message", at);
        }
    }

    private static String name(ExtensionContext context, ExtensionType type) {
        return context.messageName() + "." + type.name();
    }
}
