package io.cairn.blocks;

import java.util.List;
import java.util.Objects;

/**
 * A message sender as the membership registry knows it.
 *
 * @param id                 the sender's member id
 * @param active             whether the member may send messages now
 * @param ethereumAddresses  the member's registered Ethereum accounts ({@code 0x} + 40 hex digits, any case);
 *                           a source signature must recover to one of them
 */
public record Sender(String id, boolean active, List<String> ethereumAddresses) {
    /** Copies the address list. */
    public Sender {
        Objects.requireNonNull(id, "id");
        ethereumAddresses = List.copyOf(ethereumAddresses);
    }
}
