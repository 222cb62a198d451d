package io.tlsmachine.impl.certificate;

import io.tlsmachine.CertificateChain;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.TlsException;
import io.tlsmachine.impl.fuzz.FuzzOracle;
import io.tlsmachine.impl.fuzz.FuzzTarget;
import io.tlsmachine.impl.fuzz.SeedFiles;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Jazzer target for certificate input: the peer's certificate_list entries ({@link CertificateChain#fromDer}, what the
 * engines call on a Certificate message) and PEM text (certificate chains and private keys, {@link PemReader}).
 *
 * <p>Input layout: byte 0 even means the rest is a list of {@code length(2)} entries for {@code fromDer}; odd means the
 * rest is PEM text (ISO-8859-1), each block of which is read as a chain and as a private key.
 *
 * <p>Oracle: peer entries parse or fail with a {@link TlsException} that has an alert to send (bad_certificate), and a
 * parsed certificate is exactly its entry: RFC 8446 §4.4.2 and RFC 5246 §7.4.2 make cert_data a DER certificate, so
 * anything else (other encodings, trailing bytes) is corrupt. PEM text parses or fails with the documented
 * IllegalArgumentException (a local file: a clear error, no alert). Bounded allocation.
 */
class CertificateInputFuzzTest {

    @FuzzTarget
    void peerCertificatesAreExactDerOrBadCertificate(byte[] input) {
        if (input.length == 0) {
            return;
        }
        byte[] rest = Arrays.copyOfRange(input, 1, input.length);
        if ((input[0] & 1) == 0) {
            peerEntries(entries(rest));
        } else {
            pemText(new String(rest, StandardCharsets.ISO_8859_1));
        }
    }

    private static void peerEntries(List<byte[]> entries) {
        CertificateChain chain;
        try {
            chain = FuzzOracle.withinAllocation("parsing " + entries.size() + " entries", (2 << 20) + 64L * total(entries),
                    () -> CertificateChain.fromDer(entries));
        } catch (TlsException rejected) {
            FuzzOracle.assertTurnsIntoAnAlert(rejected);
            return;
        }
        for (int i = 0; i < entries.size(); i++) {
            byte[] parsed;
            try {
                parsed = chain.certificates().get(i).getEncoded();
            } catch (CertificateEncodingException e) {
                throw new AssertionError("a parsed certificate does not encode", e);
            }
            if (!Arrays.equals(parsed, entries.get(i))) {
                throw new AssertionError("certificate " + i + " was taken from an entry of " + entries.get(i).length
                        + " bytes whose certificate is " + parsed.length + " bytes of DER");
            }
        }
    }

    private static void pemText(String text) {
        List<PemBlock> blocks;
        try {
            blocks = PemReader.read(text);
        } catch (IllegalArgumentException documented) {
            return;
        }
        try {
            CertificateChain.fromPem(text);
        } catch (IllegalArgumentException documented) {
            // No certificate block, or one that does not parse: the documented failure.
        }
        for (PemBlock block : blocks) {
            try {
                PrivateKeyLoader.fromBlock(block);
            } catch (IllegalArgumentException documented) {
                // Not a key we read: the documented failure.
            }
        }
    }

    /** Splits {@code bytes} into {@code length(2)} entries (a short last entry keeps what is left). */
    static List<byte[]> entries(byte[] bytes) {
        List<byte[]> entries = new ArrayList<>();
        int at = 0;
        while (at + 2 <= bytes.length && entries.size() < 8) {
            int length = Math.min(((bytes[at] & 0xFF) << 8) | (bytes[at + 1] & 0xFF), bytes.length - at - 2);
            entries.add(Arrays.copyOfRange(bytes, at + 2, at + 2 + length));
            at += 2 + length;
        }
        return entries;
    }

    private static long total(List<byte[]> entries) {
        return entries.stream().mapToLong(entry -> entry.length).sum();
    }

    /** Seeds: the test PKIs' chains as entries, and as PEM with their keys. */
    static Map<String, byte[]> seeds() {
        Map<String, byte[]> seeds = new LinkedHashMap<>();
        for (var named : Map.of("ec", Fixtures.EC, "rsa", Fixtures.RSA).entrySet()) {
            CertificateChain chain = named.getValue().chain();
            ByteArrayOutputStream der = new ByteArrayOutputStream();
            der.write(0);
            for (byte[] encoding : chain.encodings()) {
                der.write(encoding.length >>> 8);
                der.write(encoding.length);
                der.writeBytes(encoding);
            }
            seeds.put(named.getKey() + "-chain-der", der.toByteArray());
            String pem = PemWriter.encode(chain) + PemWriter.encode(named.getValue().certifiedLeaf().privateKey());
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            text.write(1);
            text.writeBytes(pem.getBytes(StandardCharsets.ISO_8859_1));
            seeds.put(named.getKey() + "-chain-and-key-pem", text.toByteArray());
        }
        // Findings (fixed in CertificateChain.fromDer): the JDK's factory took these as certificates.
        byte[] leaf = Fixtures.EC.chain().encodings().get(0);
        seeds.put("finding-trailing-byte-after-the-der", entryInput(Arrays.copyOf(leaf, leaf.length + 1)));
        seeds.put("finding-pem-text-as-cert-data",
                entryInput(PemWriter.encode("CERTIFICATE", leaf).getBytes(StandardCharsets.ISO_8859_1)));
        return seeds;
    }

    private static byte[] entryInput(byte[] entry) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        out.write(entry.length >>> 8);
        out.write(entry.length);
        out.writeBytes(entry);
        return out.toByteArray();
    }

    // RFC 8446 §4.4.2: cert_data is a DER certificate. Found with this target's oracle: bytes after it, or PEM text, were taken.
    @Test
    void anEntryThatIsNotExactlyOneDerCertificateIsABadCertificate() {
        byte[] leaf = Fixtures.EC.chain().encodings().get(0);
        for (byte[] entry : List.of(Arrays.copyOf(leaf, leaf.length + 1),
                PemWriter.encode("CERTIFICATE", leaf).getBytes(StandardCharsets.ISO_8859_1))) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> CertificateChain.fromDer(List.of(entry)))
                    .isInstanceOf(TlsException.class)
                    .extracting(e -> ((TlsException) e).reason())
                    .isEqualTo(io.tlsmachine.Reason.BAD_CERTIFICATE);
        }
        assertThat(CertificateChain.fromDer(List.of(leaf)).encodings().get(0)).as("the exact DER still parses").isEqualTo(leaf);
    }

    @Test
    void committedSeedsCoverBothInputs() {
        SeedFiles.writeIfAsked(CertificateInputFuzzTest.class, "peerCertificatesAreExactDerOrBadCertificate", seeds());
        assertThat(SeedFiles.committed(CertificateInputFuzzTest.class, "peerCertificatesAreExactDerOrBadCertificate"))
                .as("a committed seed per key type and input (regenerate: -Dtlsm.fuzz.writeSeeds=true)")
                .containsAll(seeds().keySet());
    }
}
