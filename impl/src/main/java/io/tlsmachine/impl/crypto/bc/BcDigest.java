package io.tlsmachine.impl.crypto.bc;

import io.tlsmachine.impl.crypto.Digest;
import io.tlsmachine.impl.crypto.HashAlgorithm;
import org.bouncycastle.util.Memoable;

/** A running hash backed by a Bouncy Castle lightweight digest. */
final class BcDigest implements Digest {
    private final HashAlgorithm algorithm;
    private final org.bouncycastle.crypto.Digest digest;

    BcDigest(HashAlgorithm algorithm, org.bouncycastle.crypto.Digest digest) {
        this.algorithm = algorithm;
        this.digest = digest;
    }

    static BcDigest start(HashAlgorithm algorithm) {
        return new BcDigest(algorithm, BcDigests.create(algorithm));
    }

    @Override
    public void update(byte[] data, int offset, int length) {
        digest.update(data, offset, length);
    }

    @Override
    public byte[] finish() {
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return out;
    }

    @Override
    public Digest copy() {
        return new BcDigest(algorithm, (org.bouncycastle.crypto.Digest) ((Memoable) digest).copy());
    }

    @Override
    public HashAlgorithm algorithm() {
        return algorithm;
    }
}
