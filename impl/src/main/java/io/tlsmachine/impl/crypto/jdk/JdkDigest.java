package io.tlsmachine.impl.crypto.jdk;

import io.tlsmachine.impl.crypto.Digest;
import io.tlsmachine.impl.crypto.HashAlgorithm;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** A running hash backed by a JCA {@link MessageDigest}. */
final class JdkDigest implements Digest {
    private final HashAlgorithm algorithm;
    private final MessageDigest digest;

    private JdkDigest(HashAlgorithm algorithm, MessageDigest digest) {
        this.algorithm = algorithm;
        this.digest = digest;
    }

    static JdkDigest start(HashAlgorithm algorithm) {
        try {
            return new JdkDigest(algorithm, MessageDigest.getInstance(algorithm.jcaName()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JDK lacks " + algorithm.jcaName(), e);
        }
    }

    @Override
    public void update(byte[] data, int offset, int length) {
        digest.update(data, offset, length);
    }

    @Override
    public byte[] finish() {
        return digest.digest();
    }

    @Override
    public Digest copy() {
        try {
            return new JdkDigest(algorithm, (MessageDigest) digest.clone());
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("JDK digest " + algorithm.jcaName() + " cannot be copied", e);
        }
    }

    @Override
    public HashAlgorithm algorithm() {
        return algorithm;
    }
}
