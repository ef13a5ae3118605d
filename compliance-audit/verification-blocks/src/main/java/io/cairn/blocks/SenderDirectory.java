package io.cairn.blocks;

import java.util.Optional;

/** Where message senders are looked up: the appliance connects it to the consortium membership. */
@FunctionalInterface
public interface SenderDirectory {
    /**
     * The sender with this member id.
     *
     * @param senderId the member id named in a message
     * @return the sender, or empty when no member has this id
     */
    Optional<Sender> find(String senderId);
}
