package io.cairn.custody.pkcs11;

import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.Signature;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A fixed set of {@code NONEwithECDSAinP1363Format} signature objects of one provider: a signature object
 * is not thread-safe, and creating one per call costs more than the signature on a fast HSM. The pool
 * size also caps how many signatures run on the token at once.
 */
final class SignaturePool {
    static final String ALGORITHM = "NONEwithECDSAinP1363Format";
    private static final long WAIT_SECONDS = 30;

    private final BlockingQueue<Signature> idle;

    SignaturePool(Provider provider, int size) throws GeneralSecurityException {
        idle = new ArrayBlockingQueue<>(size);
        for (int i = 0; i < size; i++) {
            idle.add(Signature.getInstance(ALGORITHM, provider));
        }
    }

    /** Takes a signature object, waiting while all are in use. */
    Signature take() {
        try {
            Signature signature = idle.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            if (signature == null) {
                throw new CairnException(ErrorCode.SIGN_CUSTODY_UNAVAILABLE,
                        "every PKCS#11 signing session stayed busy for " + WAIT_SECONDS + " s");
            }
            return signature;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CairnException(ErrorCode.SIGN_CUSTODY_UNAVAILABLE, "interrupted while waiting for a signing session");
        }
    }

    /** Returns a signature object taken with {@link #take()}. */
    void giveBack(Signature signature) {
        idle.offer(signature);
    }
}
