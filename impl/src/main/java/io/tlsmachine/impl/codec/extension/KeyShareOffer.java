package io.tlsmachine.impl.codec.extension;

import io.tlsmachine.impl.codec.ByteReader;
import io.tlsmachine.impl.codec.ByteWriter;
import io.tlsmachine.impl.codec.types.ExtensionType;
import java.util.List;

/**
 * The ClientHello form of key_share: the client's shares, possibly none (to ask for a HelloRetryRequest).
 *
 * <pre>
 * // RFC 8446 §4.2.8
 * struct { KeyShareEntry client_shares&lt;0..2^16-1&gt;; } KeyShareClientHello;
 * </pre>
 */
public record KeyShareOffer(List<KeyShareEntry> shares) implements Extension {
    public KeyShareOffer {
        shares = List.copyOf(shares);
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.KEY_SHARE;
    }

    @Override
    public void writeData(ByteWriter out) {
        out.list16("client_shares", 0, 0xFFFF, shares, (w, s) -> s.writeTo(w));
    }

    /** Reads the extension_data. */
    public static KeyShareOffer decode(ByteReader data) {
        return new KeyShareOffer(data.list16("key_share.client_shares", 0, 0xFFFF, KeyShareEntry::decode));
    }
}
