package io.cairn.appliance;

import io.cairn.custody.spi.Curve;
import io.cairn.custody.spi.CustodyHealth;
import io.cairn.custody.spi.KeyCustody;
import io.cairn.custody.spi.KeyHandle;
import io.cairn.custody.spi.KeyMaterialInfo;
import io.cairn.custody.spi.KeySpec;
import io.cairn.custody.spi.Protection;
import io.cairn.custody.spi.SignatureValue;
import io.cairn.custody.spi.SigningInput;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A custody backend that connects on first use and again after a failed connection (at most every few
 * seconds), so that an HSM that is down when the appliance starts, or later, makes its operations fail
 * closed with {@code CAIRN-SIGN-0001} instead of stopping the appliance.
 */
final class ReconnectingCustody implements KeyCustody {
    private static final Duration RETRY = Duration.ofSeconds(5);

    private final String backend;
    private final Supplier<KeyCustody> opener;
    private KeyCustody delegate;
    private long lastAttempt;
    private String lastFailure = "not connected yet";

    ReconnectingCustody(String backend, Supplier<KeyCustody> opener) {
        this.backend = backend;
        this.opener = opener;
    }

    private synchronized KeyCustody connected() {
        if (delegate != null) {
            return delegate;
        }
        long now = System.nanoTime();
        if (lastAttempt != 0 && now - lastAttempt < RETRY.toNanos()) {
            throw unavailable();
        }
        lastAttempt = now;
        try {
            delegate = opener.get();
            return delegate;
        } catch (CairnException e) {
            lastFailure = e.getMessage();
            throw unavailable();
        }
    }

    private CairnException unavailable() {
        return new CairnException(ErrorCode.SIGN_CUSTODY_UNAVAILABLE, "key custody '" + backend + "' is unavailable: "
                + lastFailure);
    }

    @Override
    public String backend() {
        return backend;
    }

    @Override
    public Protection protection() {
        return Protection.HARDWARE;
    }

    @Override
    public Set<Curve> supportedCurves() {
        return connected().supportedCurves();
    }

    @Override
    public KeyMaterialInfo generate(KeySpec spec) {
        return connected().generate(spec);
    }

    @Override
    public KeyMaterialInfo describe(KeyHandle handle) {
        return connected().describe(handle);
    }

    @Override
    public SignatureValue sign(KeyHandle handle, SigningInput input) {
        return connected().sign(handle, input);
    }

    @Override
    public void destroy(KeyHandle handle) {
        connected().destroy(handle);
    }

    @Override
    public CustodyHealth health() {
        try {
            return connected().health();
        } catch (CairnException e) {
            return CustodyHealth.down(backend, e.getMessage());
        }
    }

    @Override
    public synchronized void close() {
        if (delegate != null) {
            delegate.close();
            delegate = null;
        }
    }
}
