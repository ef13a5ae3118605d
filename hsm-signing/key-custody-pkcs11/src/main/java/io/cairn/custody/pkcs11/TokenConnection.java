package io.cairn.custody.pkcs11;

/**
 * One logged-in view of the token through both PKCS#11 stacks. Replaced as a whole when a session or the
 * login is lost.
 *
 * @param nativeToken the wrapper view (slot lookup, attributes, Ed25519)
 * @param sunToken    the SunPKCS11 view (ECDSA)
 */
record TokenConnection(NativeToken nativeToken, SunToken sunToken) implements AutoCloseable {

    /** Resolves the slot by label, logs in through both stacks; fails closed. */
    static TokenConnection open(Pkcs11Options options) {
        NativeToken nativeToken = NativeToken.open(options);
        try {
            return new TokenConnection(nativeToken, SunToken.open(options, nativeToken.slotId()));
        } catch (RuntimeException e) {
            nativeToken.close();
            throw e;
        }
    }

    /** Whether both views still reach the token. */
    boolean answers() {
        return nativeToken.answers() && sunToken.answers();
    }

    @Override
    public void close() {
        nativeToken.close();
    }
}
