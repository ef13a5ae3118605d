package io.cairn.connector.corda;

import java.util.List;

/**
 * Who a Corda node is.
 *
 * @param legalIdentities the X.500 names of its legal identities, the first one being its own
 * @param platformVersion the Corda platform version it runs
 */
public record NodeIdentity(List<String> legalIdentities, int platformVersion) {

    /** Validates and copies. */
    public NodeIdentity {
        legalIdentities = List.copyOf(legalIdentities);
        if (legalIdentities.isEmpty()) {
            throw new IllegalArgumentException("a node has at least one legal identity");
        }
    }
}
