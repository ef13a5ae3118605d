package io.cairn.signing.formats;

import io.cairn.custody.spi.Curve;
import io.cairn.custody.spi.CustodyHealth;
import io.cairn.custody.spi.EcdsaSignature;
import io.cairn.custody.spi.KeyCustody;
import io.cairn.custody.spi.KeyHandle;
import io.cairn.custody.spi.KeyMaterialInfo;
import io.cairn.custody.spi.KeySpec;
import io.cairn.custody.spi.Protection;
import io.cairn.custody.spi.SignatureValue;
import io.cairn.custody.spi.SigningInput;
import java.util.Set;
import java.util.function.UnaryOperator;

/** A custody that alters every signature of its delegate, as a faulty backend would. */
final class TamperingCustody implements KeyCustody {
    private final KeyCustody delegate;
    private final UnaryOperator<SignatureValue> change;

    TamperingCustody(KeyCustody delegate, UnaryOperator<SignatureValue> change) {
        this.delegate = delegate;
        this.change = change;
    }

    /** Returns every ECDSA signature with a high s, breaking the low-S contract. */
    static TamperingCustody highS(KeyCustody delegate) {
        return new TamperingCustody(delegate, v -> v instanceof EcdsaSignature e ? EthereumSignerTest.high(e) : v);
    }

    @Override
    public String backend() {
        return delegate.backend();
    }

    @Override
    public Protection protection() {
        return delegate.protection();
    }

    @Override
    public Set<Curve> supportedCurves() {
        return delegate.supportedCurves();
    }

    @Override
    public KeyMaterialInfo generate(KeySpec spec) {
        return delegate.generate(spec);
    }

    @Override
    public KeyMaterialInfo describe(KeyHandle handle) {
        return delegate.describe(handle);
    }

    @Override
    public SignatureValue sign(KeyHandle handle, SigningInput input) {
        return change.apply(delegate.sign(handle, input));
    }

    @Override
    public void destroy(KeyHandle handle) {
        delegate.destroy(handle);
    }

    @Override
    public CustodyHealth health() {
        return delegate.health();
    }

    @Override
    public void close() {
        // the delegate belongs to the test
    }
}
