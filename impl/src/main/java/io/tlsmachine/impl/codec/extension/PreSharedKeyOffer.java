package io.tlsmachine.impl.codec.extension;

import io.tlsmachine.impl.codec.ByteReader;
import io.tlsmachine.impl.codec.ByteWriter;
import io.tlsmachine.impl.codec.Opaque;
import io.tlsmachine.impl.codec.types.ExtensionType;
import java.util.List;

/**
 * The ClientHello form of pre_shared_key: offered identities and one binder per identity.
 *
 * <pre>
 * // RFC 8446 §4.2.11
 * opaque PskBinderEntry&lt;32..255&gt;;
 * struct {
 *     PskIdentity identities&lt;7..2^16-1&gt;;
 *     PskBinderEntry binders&lt;33..2^16-1&gt;;
 * } OfferedPsks;
 * </pre>
 *
 * <p>It must be the last extension of the ClientHello ({@link ExtensionCodec} checks). The binders
 * are MACs over the ClientHello truncated before them (RFC 8446 §4.2.11.2): the truncated bytes are
 * the encoded ClientHello minus its last {@link #bindersLength()} bytes. The codec does not check
 * that identities and binders have the same count: that is the engine's illegal_parameter check.
 * {@link #toString()} does not print binders.
 */
public record PreSharedKeyOffer(List<PskIdentity> identities, List<Opaque> binders) implements Extension {
    public PreSharedKeyOffer {
        identities = List.copyOf(identities);
        binders = List.copyOf(binders);
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.PRE_SHARED_KEY;
    }

    @Override
    public void writeData(ByteWriter out) {
        out.list16("OfferedPsks.identities", 7, 0xFFFF, identities, (w, i) -> i.writeTo(w));
        out.list16("OfferedPsks.binders", 33, 0xFFFF, binders, (w, b) -> w.opaque8("PskBinderEntry", 32, 255, b));
    }

    /** Returns the length of the encoded binders vector, its 2-byte length included. */
    public int bindersLength() {
        int length = 2;
        for (Opaque binder : binders) {
            length += 1 + binder.length();
        }
        return length;
    }

    /** Reads the extension_data. */
    public static PreSharedKeyOffer decode(ByteReader data) {
        List<PskIdentity> identities = data.list16("pre_shared_key.identities", 7, 0xFFFF, PskIdentity::decode);
        List<Opaque> binders = data.list16("pre_shared_key.binders", 33, 0xFFFF,
                r -> r.opaque8("pre_shared_key.PskBinderEntry", 32, 255));
        return new PreSharedKeyOffer(identities, binders);
    }

    @Override
    public String toString() {
        return "PreSharedKeyOffer[identities=" + identities + ", " + binders.size() + " binders]";
    }
}
