package io.cairn.connector.evm;

import java.util.TreeSet;

/**
 * A {@link NonceSource} kept in memory: after a restart it is recovered from the node's pending
 * transaction count ({@code eth_getTransactionCount(address, "pending")}).
 */
public final class InMemoryNonceSource implements NonceSource {

    private final TreeSet<Long> released = new TreeSet<>();
    private long next;
    private boolean initialised;

    @Override
    public synchronized boolean initialised() {
        return initialised;
    }

    @Override
    public synchronized long allocate() {
        if (!initialised) {
            throw new IllegalStateException("nonce source not initialised from the ledger");
        }
        Long reuse = released.pollFirst();
        return reuse != null ? reuse : next++;
    }

    @Override
    public synchronized void release(long nonce) {
        if (nonce >= next || released.contains(nonce)) {
            throw new IllegalArgumentException("nonce " + nonce + " is not in use");
        }
        released.add(nonce);
        while (!released.isEmpty() && released.last() == next - 1) {
            released.pollLast();
            next--;
        }
    }

    @Override
    public synchronized void resetTo(long nextNonce) {
        if (nextNonce < 0) {
            throw new IllegalArgumentException("nonces are not negative");
        }
        released.clear();
        next = nextNonce;
        initialised = true;
    }
}
