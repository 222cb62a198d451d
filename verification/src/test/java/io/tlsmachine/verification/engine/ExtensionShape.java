package io.tlsmachine.verification.engine;

import java.util.Optional;

/**
 * The syntax of an extension's extension_data as far as the hostile suite breaks it: the width of its leading vector
 * length (0 when it has none), the minimum that vector may hold, the size of its elements (0 when variable), and a
 * fixed length for fixed-size data. Only extensions whose whole extension_data is that one vector (or fixed or
 * empty) are listed; the others are only duplicated.
 */
record ExtensionShape(int lengthWidth, int minimum, int elementSize, int fixedLength) {

    /** The shape of extension {@code type} in a ClientHello ({@code clientHello}) or a ServerHello. */
    static Optional<ExtensionShape> of(int type, boolean clientHello) {
        return Optional.ofNullable(switch (type) {
            // RFC 6066 §3: ServerNameList server_name_list<1..2^16-1>; in a response extension_data is empty.
            case 0x0000 -> clientHello ? new ExtensionShape(2, 1, 0, 0) : new ExtensionShape(0, 0, 0, 0);
            // RFC 8446 §4.2.7: NamedGroup named_group_list<2..2^16-1>.
            case 0x000A -> new ExtensionShape(2, 2, 2, 0);
            // RFC 8422 §5.1.2: ECPointFormat ec_point_format_list<1..2^8-1>.
            case 0x000B -> new ExtensionShape(1, 1, 1, 0);
            // RFC 8446 §4.2.3: SignatureScheme supported_signature_algorithms<2..2^16-2>.
            case 0x000D, 0x0032 -> new ExtensionShape(2, 2, 2, 0);
            // RFC 7301 §3.1: ProtocolName protocol_name_list<2..2^16-1>.
            case 0x0010 -> new ExtensionShape(2, 2, 0, 0);
            // RFC 7627 §5.1, RFC 7366 §2, RFC 8446 §4.2.6: empty extension_data.
            case 0x0016, 0x0017, 0x0031 -> new ExtensionShape(0, 0, 0, 0);
            // RFC 8449 §4: uint16 RecordSizeLimit.
            case 0x001C -> new ExtensionShape(0, 0, 0, 2);
            // RFC 8446 §4.2.1: ProtocolVersion versions<2..254> in a ClientHello; selected_version in a ServerHello.
            case 0x002B -> clientHello ? new ExtensionShape(1, 2, 2, 0) : new ExtensionShape(0, 0, 0, 2);
            // RFC 8446 §4.2.2: opaque cookie<1..2^16-1>.
            case 0x002C -> new ExtensionShape(2, 1, 0, 0);
            // RFC 8446 §4.2.9: PskKeyExchangeMode ke_modes<1..255>.
            case 0x002D -> new ExtensionShape(1, 1, 1, 0);
            // RFC 8446 §4.2.8: KeyShareEntry client_shares<0..2^16-1>.
            case 0x0033 -> clientHello ? new ExtensionShape(2, 0, 0, 0) : null;
            // RFC 8446 §4.2.11: PskIdentity identities<7..2^16-1> first; in a ServerHello uint16 selected_identity.
            case 0x0029 -> clientHello ? new ExtensionShape(2, 7, 0, 0) : new ExtensionShape(0, 0, 0, 2);
            // RFC 5746 §3.2: opaque renegotiated_connection<0..255>.
            case 0xFF01 -> new ExtensionShape(1, 0, 1, 0);
            default -> null;
        });
    }
}
