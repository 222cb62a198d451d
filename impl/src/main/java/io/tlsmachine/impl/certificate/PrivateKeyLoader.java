package io.tlsmachine.impl.certificate;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.List;
import java.util.Map;

/**
 * Loads a private key from PEM: "PRIVATE KEY" (PKCS#8, RFC 5208 / RFC 7468 §10), "EC PRIVATE
 * KEY" (SEC1, RFC 5915) and "RSA PRIVATE KEY" (PKCS#1, RFC 8017 Appendix A.1.2), for RSA,
 * RSASSA-PSS, EC, Ed25519 and Ed448 keys.
 *
 * <p>SEC1 and PKCS#1 keys are wrapped in a PKCS#8 PrivateKeyInfo here, so the JDK's key factories
 * read every form. Encrypted keys ("ENCRYPTED PRIVATE KEY", or legacy {@code Proc-Type:
 * 4,ENCRYPTED}) are refused with a message saying how to decrypt them.
 */
public final class PrivateKeyLoader {
    static final String RSA_ENCRYPTION = "1.2.840.113549.1.1.1";
    static final String RSASSA_PSS = "1.2.840.113549.1.1.10";
    static final String EC_PUBLIC_KEY = "1.2.840.10045.2.1";
    static final String ED25519 = "1.3.101.112";
    static final String ED448 = "1.3.101.113";

    private static final Map<String, String> KEY_FACTORY_BY_OID = Map.of(
            RSA_ENCRYPTION, "RSA",
            RSASSA_PSS, "RSASSA-PSS",
            EC_PUBLIC_KEY, "EC",
            ED25519, "Ed25519",
            ED448, "Ed448");

    private PrivateKeyLoader() {}

    /** Loads the one private key of a PEM file (other blocks, e.g. certificates, are skipped). */
    public static PrivateKey load(Path pemFile) {
        try {
            return fromBlocks(PemReader.read(pemFile));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(pemFile + ": " + e.getMessage(), e);
        }
    }

    /** Loads the one private key of a PEM text. */
    public static PrivateKey fromPem(String pem) {
        return fromBlocks(PemReader.read(pem));
    }

    /**
     * Loads the one private key among {@code blocks}.
     *
     * @throws IllegalArgumentException when there is none, more than one, or it cannot be read
     */
    public static PrivateKey fromBlocks(List<PemBlock> blocks) {
        List<PemBlock> keys = blocks.stream().filter(block -> block.label().endsWith("PRIVATE KEY")).toList();
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("no PRIVATE KEY block found");
        }
        if (keys.size() > 1) {
            throw new IllegalArgumentException("found " + keys.size() + " private key blocks, expected one");
        }
        return fromBlock(keys.get(0));
    }

    /** Reads one private key block, whatever its form. */
    public static PrivateKey fromBlock(PemBlock block) {
        if (block.headers().getOrDefault("Proc-Type", "").contains("ENCRYPTED")) {
            throw encrypted(block.label());
        }
        return switch (block.label()) {
            case "PRIVATE KEY" -> fromPkcs8(block.der());
            case "EC PRIVATE KEY" -> fromPkcs8(sec1ToPkcs8(block.der()));
            case "RSA PRIVATE KEY" -> fromPkcs8(pkcs1ToPkcs8(block.der()));
            case "ENCRYPTED PRIVATE KEY" -> throw encrypted(block.label());
            default -> throw new IllegalArgumentException("unsupported key block \"" + block.label()
                    + "\"; expected PRIVATE KEY, EC PRIVATE KEY or RSA PRIVATE KEY");
        };
    }

    /** Reads a PKCS#8 PrivateKeyInfo, choosing the key factory by its algorithm identifier. */
    public static PrivateKey fromPkcs8(byte[] der) {
        String algorithmOid = pkcs8AlgorithmOid(der);
        String keyFactory = KEY_FACTORY_BY_OID.get(algorithmOid);
        if (keyFactory == null) {
            throw new IllegalArgumentException("unsupported private key algorithm " + algorithmOid);
        }
        try {
            return KeyFactory.getInstance(keyFactory).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("malformed " + keyFactory + " private key", e);
        }
    }

    /**
     * RFC 5915 §3 ECPrivateKey → RFC 5208 PrivateKeyInfo: the curve's OID moves from the SEC1
     * {@code parameters [0]} field to the AlgorithmIdentifier; the SEC1 structure is the privateKey.
     */
    static byte[] sec1ToPkcs8(byte[] sec1) {
        try {
            Der.Tlv key = Der.readWhole(sec1);
            if (key.tag() != Der.SEQUENCE) {
                throw new IllegalArgumentException("not an RFC 5915 ECPrivateKey");
            }
            Der.Tlv version = key.firstChild();
            Der.Tlv privateKey = key.next(version);
            if (version.tag() != Der.INTEGER || privateKey == null || privateKey.tag() != Der.OCTET_STRING) {
                throw new IllegalArgumentException("not an RFC 5915 ECPrivateKey");
            }
            Der.Tlv parameters = key.next(privateKey);
            if (parameters == null || parameters.tag() != Der.CONTEXT_0) {
                throw new IllegalArgumentException("EC PRIVATE KEY without the named curve (parameters [0]); cannot tell its curve");
            }
            Der.Tlv curve = parameters.firstChild();
            String curveOid = Der.oidToString(curve);
            return Der.sequence(
                    Der.smallInteger(0),
                    Der.sequence(Der.oid(EC_PUBLIC_KEY), Der.oid(curveOid)),
                    Der.tlv(Der.OCTET_STRING, sec1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("malformed EC PRIVATE KEY: " + e.getMessage(), e);
        }
    }

    /** RFC 8017 A.1.2 RSAPrivateKey → RFC 5208 PrivateKeyInfo with rsaEncryption and NULL parameters (RFC 8017 A.1). */
    static byte[] pkcs1ToPkcs8(byte[] pkcs1) {
        Der.Tlv key = Der.readWhole(pkcs1);
        if (key.tag() != Der.SEQUENCE) {
            throw new IllegalArgumentException("malformed RSA PRIVATE KEY: not a SEQUENCE");
        }
        return Der.sequence(
                Der.smallInteger(0),
                Der.sequence(Der.oid(RSA_ENCRYPTION), Der.tlv(Der.NULL, new byte[0])),
                Der.tlv(Der.OCTET_STRING, pkcs1));
    }

    /** Returns the algorithm OID of a PrivateKeyInfo: SEQUENCE { version, SEQUENCE { algorithm, ... }, ... }. */
    static String pkcs8AlgorithmOid(byte[] der) {
        try {
            Der.Tlv info = Der.readWhole(der);
            Der.Tlv version = info.firstChild();
            Der.Tlv algorithm = info.next(version);
            if (info.tag() != Der.SEQUENCE || version.tag() != Der.INTEGER || algorithm == null
                    || algorithm.tag() != Der.SEQUENCE) {
                throw new IllegalArgumentException("not a PKCS#8 PrivateKeyInfo");
            }
            return Der.oidToString(algorithm.firstChild());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("malformed PRIVATE KEY: " + e.getMessage(), e);
        }
    }

    private static IllegalArgumentException encrypted(String label) {
        return new IllegalArgumentException("the " + label + " is encrypted, which is not supported; decrypt it first, "
                + "e.g. openssl pkey -in encrypted.pem -out key.pem");
    }
}
