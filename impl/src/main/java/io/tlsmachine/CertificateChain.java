package io.tlsmachine;

import io.tlsmachine.impl.certificate.PemBlock;
import io.tlsmachine.impl.certificate.PemReader;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An immutable X.509 certificate chain, leaf first, with each certificate's DER bytes kept as
 * they go on the wire (RFC 8446 §4.4.2 cert_data, RFC 5246 §7.4.2 ASN.1Cert).
 *
 * <p>The chain may be empty: a client without a certificate answers a CertificateRequest with an
 * empty Certificate message.
 */
public final class CertificateChain {
    private static final CertificateChain EMPTY = new CertificateChain(List.of(), List.of());

    private final List<X509Certificate> certificates;
    private final List<byte[]> encodings;

    private CertificateChain(List<X509Certificate> certificates, List<byte[]> encodings) {
        this.certificates = certificates;
        this.encodings = encodings;
    }

    /** {@return the empty chain} */
    public static CertificateChain empty() {
        return EMPTY;
    }

    /**
     * {@return the chain of these certificates, leaf first}
     * @param certificates the certificates, leaf first
     */
    public static CertificateChain of(List<X509Certificate> certificates) {
        List<byte[]> encodings = new ArrayList<>(certificates.size());
        for (X509Certificate certificate : certificates) {
            try {
                encodings.add(certificate.getEncoded());
            } catch (CertificateEncodingException e) {
                throw new IllegalArgumentException("certificate " + certificate.getSubjectX500Principal()
                        + " has no DER encoding", e);
            }
        }
        return new CertificateChain(List.copyOf(certificates), List.copyOf(encodings));
    }

    /**
     * {@return the chain of these certificates, leaf first}
     * @param certificates the certificates, leaf first
     */
    public static CertificateChain of(X509Certificate... certificates) {
        return of(List.of(certificates));
    }

    /**
     * Parses a chain received from the peer, leaf first.
     *
     * @throws TlsException BAD_CERTIFICATE when an entry is not a DER X.509 certificate
     *     (RFC 8446 §6.2 bad_certificate: "a certificate was corrupt")
     * @param derEncodings the DER encodings from the Certificate message, leaf first
     * @return the parsed chain
     */
    public static CertificateChain fromDer(List<byte[]> derEncodings) {
        CertificateFactory factory = x509Factory();
        List<X509Certificate> certificates = new ArrayList<>(derEncodings.size());
        List<byte[]> encodings = new ArrayList<>(derEncodings.size());
        for (int i = 0; i < derEncodings.size(); i++) {
            byte[] der = derEncodings.get(i).clone();
            X509Certificate certificate;
            try {
                certificate = (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der));
            } catch (CertificateException | RuntimeException e) {
                throw TlsException.fatal(Reason.BAD_CERTIFICATE, "certificate " + i + " of the chain does not parse as X.509", e);
            }
            // RFC 8446 §4.4.2 (cert_data: "a DER-encoded X.509v3 certificate") and RFC 5246 §7.4.2 (ASN.1Cert): the
            // entry is the certificate's DER and nothing else. The JDK's factory also takes PEM text and ignores bytes
            // after the certificate, so the entry must equal what was parsed.
            if (!Arrays.equals(encoded(certificate), der)) {
                throw TlsException.fatal(Reason.BAD_CERTIFICATE,
                        "certificate " + i + " of the chain is not exactly one DER certificate");
            }
            certificates.add(certificate);
            encodings.add(der);
        }
        return new CertificateChain(List.copyOf(certificates), List.copyOf(encodings));
    }

    /**
     * Reads every CERTIFICATE block of a PEM file, in file order (leaf first); other blocks are skipped.
     * @param pemFile a PEM file holding one or more certificates
     * @return the chain, possibly empty
     */
    public static CertificateChain load(Path pemFile) {
        try {
            return fromPemBlocks(PemReader.read(pemFile));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(pemFile + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads every CERTIFICATE block of a PEM text, in order (leaf first); other blocks are skipped.
     * @param pem PEM text holding one or more certificates
     * @return the chain, possibly empty
     */
    public static CertificateChain fromPem(String pem) {
        return fromPemBlocks(PemReader.read(pem));
    }

    /**
     * {@return the chain of the CERTIFICATE blocks among {@code blocks}}
     *
     * @throws IllegalArgumentException when there is none or one does not parse
     * @param blocks the decoded PEM blocks, in file order
     */
    static CertificateChain fromPemBlocks(List<PemBlock> blocks) {
        List<byte[]> ders = blocks.stream().filter(block -> block.label().equals("CERTIFICATE")).map(PemBlock::der).toList();
        if (ders.isEmpty()) {
            throw new IllegalArgumentException("no CERTIFICATE block found");
        }
        try {
            return fromDer(ders);
        } catch (TlsException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** {@return the certificates, leaf first} */
    public List<X509Certificate> certificates() {
        return certificates;
    }

    /**
     * {@return a copy of the DER encoding of certificate {@code index} (0 is the leaf)}
     * @param index the position in the chain, 0 for the leaf
     */
    public byte[] encoded(int index) {
        return encodings.get(index).clone();
    }

    /** {@return copies of every DER encoding, leaf first, for a Certificate message} */
    public List<byte[]> encodings() {
        List<byte[]> copies = new ArrayList<>(encodings.size());
        for (byte[] encoding : encodings) {
            copies.add(encoding.clone());
        }
        return copies;
    }

    /** {@return the end-entity certificate} */
    public X509Certificate leaf() {
        if (certificates.isEmpty()) {
            throw new IllegalStateException("the chain is empty");
        }
        return certificates.get(0);
    }

    /** {@return whether the chain has no certificate} */
    public boolean isEmpty() {
        return certificates.isEmpty();
    }

    /** {@return the number of certificates in the chain} */
    public int size() {
        return certificates.size();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CertificateChain chain && chain.certificates.equals(certificates);
    }

    @Override
    public int hashCode() {
        return certificates.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("CertificateChain[");
        for (int i = 0; i < certificates.size(); i++) {
            out.append(i == 0 ? "" : " <- ").append(certificates.get(i).getSubjectX500Principal().getName());
        }
        return out.append(']').toString();
    }

    /** The DER the JDK parsed, or an empty array (which no parsed entry equals) when it has none. */
    private static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            return new byte[0];
        }
    }

    static CertificateFactory x509Factory() {
        try {
            return CertificateFactory.getInstance("X.509");
        } catch (CertificateException e) {
            throw new IllegalStateException("the JDK has no X.509 certificate factory", e);
        }
    }
}
