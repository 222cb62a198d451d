package io.tlsmachine.impl.codec.extension;

import io.tlsmachine.impl.codec.ByteWriter;
import io.tlsmachine.impl.codec.types.ExtensionType;

/**
 * One extension of an extension block, decoded to the form its message gives it.
 *
 * <pre>
 * // RFC 8446 §4.2
 * struct {
 *     ExtensionType extension_type;
 *     opaque extension_data&lt;0..2^16-1&gt;;
 * } Extension;
 * </pre>
 *
 * <p>Each record writes its own {@code extension_data} and has a static {@code decode} reading it;
 * {@link ExtensionCodec} frames them and chooses the form by {@link ExtensionContext}.
 */
public sealed interface Extension
        permits ServerName, SupportedGroups, EcPointFormats, SignatureAlgorithms, SignatureAlgorithmsCert,
                ApplicationLayerProtocolNegotiation, StatusRequest, StatusRequestAck, CertificateStatus,
                ExtendedMasterSecret, SessionTicket, RenegotiationInfo, SupportedVersionsOffer,
                SupportedVersionSelected, KeyShareOffer, KeyShareSelected, KeyShareRetry, PreSharedKeyOffer,
                PreSharedKeySelected, PskKeyExchangeModes, EarlyData, EarlyDataLimit, Cookie, PostHandshakeAuth,
                CertificateAuthorities, RecordSizeLimit, Padding, UnknownExtension {

    /** Returns the extension type code point. */
    ExtensionType type();

    /** Writes {@code extension_data} (without its length prefix). */
    void writeData(ByteWriter out);
}
