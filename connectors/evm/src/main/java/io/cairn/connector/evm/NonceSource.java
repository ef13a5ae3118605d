package io.cairn.connector.evm;

/**
 * Hands out the sending account's nonces: gap-free, and several at a time for pipelined anchors.
 *
 * <p>A nonce is allocated before a transaction is signed. When the node definitely did not accept the
 * transaction, the nonce is {@linkplain #release released} and the next allocation reuses it, so the
 * account's sequence has no gap. When the outcome is unknown (connection lost), the connector calls
 * {@link #resetTo} with the node's pending transaction count before allocating again. Implementations
 * are thread-safe; a durable implementation stores every change before returning.
 */
public interface NonceSource {

    /** Whether {@link #resetTo} has been called at least once (the source knows where the account is). */
    boolean initialised();

    /** The lowest nonce that is neither in use nor confirmed. */
    long allocate();

    /** Gives back a nonce whose transaction the node did not accept. */
    void release(long nonce);

    /** Forgets everything and continues at {@code nextNonce} (the account's pending transaction count). */
    void resetTo(long nextNonce);
}
