package io.tlsmachine.impl.crypto.bc;

import io.tlsmachine.impl.crypto.HashAlgorithm;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;

/** Maps our hash names to fresh Bouncy Castle lightweight digests. */
final class BcDigests {
    private BcDigests() {}

    static org.bouncycastle.crypto.Digest create(HashAlgorithm hash) {
        return switch (hash) {
            case SHA256 -> new SHA256Digest();
            case SHA384 -> new SHA384Digest();
            case SHA512 -> new SHA512Digest();
        };
    }
}
