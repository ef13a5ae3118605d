package io.cairn.signing;

import io.cairn.custody.spi.CustodyHealth;
import io.cairn.custody.spi.Curve;
import io.cairn.custody.spi.EncodedPublicKey;
import io.cairn.custody.spi.KeyAttestation;
import io.cairn.custody.spi.KeyHandle;
import io.cairn.custody.spi.KeyCustody;
import io.cairn.custody.spi.KeyMaterialInfo;
import io.cairn.custody.spi.KeySpec;
import io.cairn.custody.spi.Protection;
import io.cairn.custody.spi.SignatureValue;
import io.cairn.custody.spi.SigningInput;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * A custody view holding one signature the service already produced (and recorded) through the key's real
 * backend, so that the signature-formats classes, which sign through a {@link KeyCustody}, can assemble the
 * ledger artifact from it. It holds no key material and signs nothing else: any other digest is refused.
 */
final class PresignedCustody implements KeyCustody {
    static final KeyHandle HANDLE = new KeyHandle("presigned", "signature");
    private final EncodedPublicKey publicKey;
    private final SignatureValue signature;
    private final byte[] digest;

    PresignedCustody(EncodedPublicKey publicKey, byte[] digest, SignatureValue signature) {
        this.publicKey = publicKey;
        this.digest = digest.clone();
        this.signature = signature;
    }

    @Override
    public String backend() {
        return HANDLE.backend();
    }

    @Override
    public Protection protection() {
        return Protection.SERVICE;
    }

    @Override
    public Set<Curve> supportedCurves() {
        return Set.of(publicKey.curve());
    }

    @Override
    public KeyMaterialInfo generate(KeySpec spec) {
        throw new UnsupportedOperationException("a presigned view generates no keys");
    }

    @Override
    public KeyMaterialInfo describe(KeyHandle handle) {
        return new KeyMaterialInfo(HANDLE, new KeySpec("presigned", publicKey.curve()), publicKey,
                new KeyAttestation(Protection.SERVICE, false, false, false, false, Map.of(), Instant.EPOCH));
    }

    @Override
    public SignatureValue sign(KeyHandle handle, SigningInput input) {
        if (!java.util.Arrays.equals(input.bytes(), digest)) {
            throw new IllegalStateException("the signature format asked for a digest other than the one signed");
        }
        return signature;
    }

    @Override
    public void destroy(KeyHandle handle) {
        throw new UnsupportedOperationException("a presigned view destroys nothing");
    }

    @Override
    public CustodyHealth health() {
        return CustodyHealth.up(backend(), "presigned");
    }

    @Override
    public void close() {
    }
}
