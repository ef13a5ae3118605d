package io.cairn.connector.spi;

import io.cairn.kernel.CairnException;
import java.util.Optional;

/**
 * A running event subscription. Closing it stops delivery after the batch in progress, if any.
 */
public interface EventSubscription extends AutoCloseable {

    /** The subscription's life cycle. */
    enum State {
        /** Delivering or waiting for new blocks. */
        RUNNING,
        /** Closed by the consumer. */
        CLOSED,
        /** Stopped by a failure the connector cannot retry, see {@link #failure()}. */
        FAILED
    }

    /** The checkpoint the sink acknowledged last. */
    Checkpoint acknowledged();

    /** Current state. */
    State state();

    /** Why the subscription stopped, when it is {@link State#FAILED}. */
    Optional<CairnException> failure();

    /** Stops delivery and waits for the delivering thread to finish. Idempotent. */
    @Override
    void close();
}
