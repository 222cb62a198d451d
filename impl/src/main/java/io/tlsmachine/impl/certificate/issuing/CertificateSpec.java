package io.tlsmachine.impl.certificate.issuing;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What to put in a generated certificate: subject, key type, validity, subjectAltNames, whether
 * it is a CA, and its key usages and extended key usages (empty set: no such extension).
 *
 * <p>Start from {@link #authority} or {@link #endEntity} and change fields with the {@code with...} methods.
 */
public record CertificateSpec(
        String subject,
        CertificateKeyType keyType,
        Instant notBefore,
        Instant notAfter,
        List<String> dnsNames,
        List<String> ipAddresses,
        boolean certificateAuthority,
        Set<KeyUsage> keyUsages,
        Set<ExtendedKeyUsage> extendedKeyUsages) {

    /** RFC 5280 §4.2.1.3 key usage bits we set. */
    public enum KeyUsage { DIGITAL_SIGNATURE, KEY_ENCIPHERMENT, KEY_CERT_SIGN, CRL_SIGN }

    /** RFC 5280 §4.2.1.12 key purposes we set. */
    public enum ExtendedKeyUsage { SERVER_AUTH, CLIENT_AUTH }

    public CertificateSpec {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(keyType, "keyType");
        if (!notAfter.isAfter(notBefore)) {
            throw new IllegalArgumentException("notAfter " + notAfter + " is not after notBefore " + notBefore);
        }
        dnsNames = List.copyOf(dnsNames);
        ipAddresses = List.copyOf(ipAddresses);
        keyUsages = keyUsages.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(keyUsages));
        extendedKeyUsages = extendedKeyUsages.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(extendedKeyUsages));
    }

    /** A CA certificate (root or intermediate) valid from {@code notBefore} for {@code validity}: keyCertSign and cRLSign. */
    public static CertificateSpec authority(String subject, CertificateKeyType keyType, Instant notBefore, Duration validity) {
        return new CertificateSpec(subject, keyType, notBefore, notBefore.plus(validity), List.of(), List.of(), true,
                EnumSet.of(KeyUsage.KEY_CERT_SIGN, KeyUsage.CRL_SIGN), Set.of());
    }

    /**
     * An end-entity certificate valid from {@code notBefore} for {@code validity}: digitalSignature
     * (plus keyEncipherment for RSA, for TLS 1.2 key transport), serverAuth and clientAuth.
     */
    public static CertificateSpec endEntity(String subject, CertificateKeyType keyType, Instant notBefore, Duration validity) {
        Set<KeyUsage> usages = keyType == CertificateKeyType.RSA_2048
                ? EnumSet.of(KeyUsage.DIGITAL_SIGNATURE, KeyUsage.KEY_ENCIPHERMENT)
                : EnumSet.of(KeyUsage.DIGITAL_SIGNATURE);
        return new CertificateSpec(subject, keyType, notBefore, notBefore.plus(validity), List.of(), List.of(), false,
                usages, EnumSet.of(ExtendedKeyUsage.SERVER_AUTH, ExtendedKeyUsage.CLIENT_AUTH));
    }

    public CertificateSpec withDnsNames(String... names) {
        return new CertificateSpec(subject, keyType, notBefore, notAfter, List.of(names), ipAddresses, certificateAuthority, keyUsages, extendedKeyUsages);
    }

    public CertificateSpec withIpAddresses(String... addresses) {
        return new CertificateSpec(subject, keyType, notBefore, notAfter, dnsNames, List.of(addresses), certificateAuthority, keyUsages, extendedKeyUsages);
    }

    public CertificateSpec withValidity(Instant from, Instant until) {
        return new CertificateSpec(subject, keyType, from, until, dnsNames, ipAddresses, certificateAuthority, keyUsages, extendedKeyUsages);
    }

    public CertificateSpec withKeyUsages(Set<KeyUsage> usages) {
        return new CertificateSpec(subject, keyType, notBefore, notAfter, dnsNames, ipAddresses, certificateAuthority, usages, extendedKeyUsages);
    }

    public CertificateSpec withExtendedKeyUsages(Set<ExtendedKeyUsage> usages) {
        return new CertificateSpec(subject, keyType, notBefore, notAfter, dnsNames, ipAddresses, certificateAuthority, keyUsages, usages);
    }

    public CertificateSpec withKeyType(CertificateKeyType type) {
        return new CertificateSpec(subject, type, notBefore, notAfter, dnsNames, ipAddresses, certificateAuthority, keyUsages, extendedKeyUsages);
    }
}
