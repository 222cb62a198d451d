package io.tlsmachine.impl.certificate;

import java.security.interfaces.ECPrivateKey;
import java.util.Arrays;

/**
 * Encodes an EC private key as the PKCS#8 PrivateKeyInfo that GnuTLS, OpenSSL and the JDK all read: the inner
 * RFC 5915 ECPrivateKey carries the named curve ({@code parameters [0]}) and the public key ({@code publicKey [1]}).
 *
 * <p>The JDK's own encoding leaves both optional fields out, and GnuTLS refuses such a key ("ASN1 parser: Element
 * was not found"). OpenSSL's {@code genpkey} writes publicKey too; RFC 5915 §3 asks for the parameters.
 */
final class EcPrivateKeys {
    private EcPrivateKeys() {}

    /**
     * Returns {@code key} as PKCS#8 (RFC 5208 §5) with ECPrivateKey version 1, the scalar padded to the order's
     * length (RFC 5915 §3), the named curve and the public point.
     *
     * @throws IllegalArgumentException when the key is not on a named prime-field curve
     */
    static byte[] pkcs8(ECPrivateKey key) {
        byte[] curveOid = namedCurveOid(key);
        byte[] point = EcPublicPoints.uncompressed(EcPublicPoints.derive(key), key.getParams());
        byte[] scalar = new byte[(key.getParams().getOrder().bitLength() + 7) / 8];
        Der.unsignedFixed(key.getS(), scalar, 0, scalar.length);
        byte[] publicKeyBits = new byte[point.length + 1];
        System.arraycopy(point, 0, publicKeyBits, 1, point.length);
        byte[] scalarField = Der.tlv(Der.OCTET_STRING, scalar);
        // RFC 5915 §3: ECPrivateKey ::= SEQUENCE { version INTEGER { ecPrivkeyVer1(1) }, privateKey OCTET STRING,
        //   parameters [0] ECParameters {{ NamedCurve }} OPTIONAL, publicKey [1] BIT STRING OPTIONAL }
        byte[] ecPrivateKey = Der.sequence(
                Der.smallInteger(1),
                scalarField,
                Der.tlv(Der.CONTEXT_0, curveOid),
                Der.tlv(Der.CONTEXT_1, Der.tlv(Der.BIT_STRING, publicKeyBits)));
        // RFC 5208 §5: PrivateKeyInfo ::= SEQUENCE { version 0, privateKeyAlgorithm, privateKey OCTET STRING }
        byte[] info = Der.sequence(
                Der.smallInteger(0),
                Der.sequence(Der.oid(PrivateKeyLoader.EC_PUBLIC_KEY), curveOid),
                Der.tlv(Der.OCTET_STRING, ecPrivateKey));
        Arrays.fill(scalar, (byte) 0);
        Arrays.fill(scalarField, (byte) 0);
        Arrays.fill(ecPrivateKey, (byte) 0);
        return info;
    }

    /** Returns the encoded OBJECT IDENTIFIER of the key's curve, from the AlgorithmIdentifier of its own PKCS#8 encoding. */
    private static byte[] namedCurveOid(ECPrivateKey key) {
        byte[] encoded = key.getEncoded();
        if (encoded == null || !"PKCS#8".equals(key.getFormat())) {
            throw new IllegalArgumentException("EC private key has format " + key.getFormat() + ", not PKCS#8");
        }
        try {
            Der.Tlv info = Der.readWhole(encoded);
            Der.Tlv algorithm = info.next(info.firstChild());
            Der.Tlv parameters = algorithm == null ? null : algorithm.next(algorithm.firstChild());
            if (parameters == null || parameters.tag() != Der.OBJECT_IDENTIFIER) {
                throw new IllegalArgumentException("EC private key without a named curve");
            }
            return Der.tlv(Der.OBJECT_IDENTIFIER, parameters.content());
        } finally {
            Arrays.fill(encoded, (byte) 0);
        }
    }
}
