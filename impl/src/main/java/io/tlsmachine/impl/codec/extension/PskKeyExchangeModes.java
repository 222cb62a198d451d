package io.tlsmachine.impl.codec.extension;

import io.tlsmachine.impl.codec.ByteReader;
import io.tlsmachine.impl.codec.ByteWriter;
import io.tlsmachine.impl.codec.types.ExtensionType;
import io.tlsmachine.PskKeyExchangeMode;
import java.util.List;

/**
 * The psk_key_exchange_modes extension: how the client lets a PSK be used.
 *
 * <pre>
 * // RFC 8446 §4.2.9
 * struct { PskKeyExchangeMode ke_modes&lt;1..255&gt;; } PskKeyExchangeModes;
 * </pre>
 */
public record PskKeyExchangeModes(List<PskKeyExchangeMode> modes) implements Extension {
    public PskKeyExchangeModes {
        modes = List.copyOf(modes);
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.PSK_KEY_EXCHANGE_MODES;
    }

    @Override
    public void writeData(ByteWriter out) {
        out.list8("ke_modes", 1, 255, modes, (w, m) -> w.u8(m.code()));
    }

    /** Reads the extension_data. */
    public static PskKeyExchangeModes decode(ByteReader data) {
        return new PskKeyExchangeModes(data.list8("psk_key_exchange_modes.ke_modes", 1, 255,
                r -> new PskKeyExchangeMode(r.u8("PskKeyExchangeMode"))));
    }
}
