package io.cairn.connector.corda;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach a Corda node and anchor through it.
 *
 * @param ledgerId    the id the ledger is configured under
 * @param host        the node's RPC host
 * @param port        the node's RPC port
 * @param username    the RPC user (needs permission to start the anchoring flow and to query the vault)
 * @param password    the RPC user's password; never printed
 * @param identity    the X.500 name the node must have; empty to accept the node's first legal identity
 * @param observers   X.500 names of the consortium members that receive a copy of every anchor
 * @param flowTimeout how long to wait for the anchoring flow to finish (notarised and recorded)
 */
public record CordaLedgerConfig(String ledgerId, String host, int port, String username, String password,
                                Optional<String> identity, List<String> observers, Duration flowTimeout) {

    /** Validates and copies. */
    public CordaLedgerConfig {
        Objects.requireNonNull(ledgerId, "ledgerId");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(identity, "identity");
        observers = List.copyOf(observers);
        Objects.requireNonNull(flowTimeout, "flowTimeout");
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("not a port: " + port);
        }
    }

    @Override
    public String toString() {
        return "CordaLedgerConfig[" + ledgerId + " " + username + "@" + host + ":" + port + ", identity="
                + identity.orElse("(node's)") + ", observers=" + observers + ", flowTimeout=" + flowTimeout + "]";
    }
}
