package io.cairn.connector.evm;

import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.time.Duration;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Lets pipelined transactions of one account leave in nonce order: signing runs in parallel, but a
 * transaction is sent only after every lower nonce was sent (or after a bounded wait, so a nonce that is
 * never sent cannot block the others). Nodes keep out-of-order transactions in a limited "future" pool;
 * ordered submission keeps them out of it.
 */
final class SendOrder {

    private final TreeSet<Long> sentAhead = new TreeSet<>();
    private long next = -1;

    /** Starts the sequence at {@code nonce} (after the nonce source was reset from the node). */
    synchronized void resetTo(long nonce) {
        next = nonce;
        sentAhead.clear();
        notifyAll();
    }

    /** Waits until every nonce below {@code nonce} was sent, or {@code patience} has passed. */
    synchronized void awaitTurn(long nonce, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        try {
            while (next >= 0 && nonce > next) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CairnException(ErrorCode.LEDGER_UNREACHABLE, "interrupted while waiting to send");
        }
    }

    /** Records that the transaction with {@code nonce} was handed to the node (whatever the answer). */
    synchronized void sent(long nonce) {
        if (next < 0 || nonce < next) {
            return;
        }
        if (nonce == next) {
            next++;
            while (sentAhead.remove(next)) {
                next++;
            }
        } else {
            sentAhead.add(nonce);
        }
        notifyAll();
    }
}
