package io.tlsmachine.impl.codec.extension;

import io.tlsmachine.impl.codec.ByteReader;
import io.tlsmachine.impl.codec.ByteWriter;
import io.tlsmachine.impl.codec.Opaque;
import io.tlsmachine.impl.codec.types.ExtensionType;
import io.tlsmachine.impl.error.DecodeException;
import io.tlsmachine.Reason;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The application_layer_protocol_negotiation (ALPN) extension: offered protocols, or the one selected.
 *
 * <pre>
 * // RFC 7301 §3.1
 * opaque ProtocolName&lt;1..2^8-1&gt;;
 * struct { ProtocolName protocol_name_list&lt;2..2^16-1&gt; } ProtocolNameList;
 * </pre>
 *
 * <p>In ServerHello and EncryptedExtensions the list holds exactly one name (RFC 7301 §3.1); the
 * decoder enforces it.
 */
public record ApplicationLayerProtocolNegotiation(List<Opaque> protocols) implements Extension {
    public ApplicationLayerProtocolNegotiation {
        protocols = List.copyOf(protocols);
    }

    /** Returns the extension for protocol names given as ASCII text (e.g. {@code "h2"}). */
    public static ApplicationLayerProtocolNegotiation of(String... protocols) {
        return new ApplicationLayerProtocolNegotiation(Arrays.stream(protocols)
                .map(p -> Opaque.of(p.getBytes(StandardCharsets.US_ASCII))).toList());
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.APPLICATION_LAYER_PROTOCOL_NEGOTIATION;
    }

    @Override
    public void writeData(ByteWriter out) {
        out.list16("protocol_name_list", 2, 0xFFFF, protocols, (w, p) -> w.opaque8("ProtocolName", 1, 0xFF, p));
    }

    /** Reads the extension_data; {@code exactlyOne} for the server's selection. */
    public static ApplicationLayerProtocolNegotiation decode(ByteReader data, boolean exactlyOne) {
        int start = data.offset();
        List<Opaque> protocols = data.list16("alpn.protocol_name_list", 2, 0xFFFF,
                r -> r.opaque8("alpn.ProtocolName", 1, 0xFF));
        if (exactlyOne && protocols.size() != 1) {
            throw new DecodeException(Reason.MALFORMED_MESSAGE,
                    "alpn.protocol_name_list of the server holds " + protocols.size() + " names, not 1", start);
        }
        return new ApplicationLayerProtocolNegotiation(protocols);
    }
}
