package io.cairn.anchoring;

import io.cairn.connector.spi.LedgerConnector;

/**
 * Builds live connectors from registered ledger definitions. The appliance uses {@link EvmConnectorFactory};
 * tests may choose otherwise.
 */
public interface ConnectorFactory {

    /**
     * Opens a connector; does not need to contact the ledger (the registry checks health afterwards).
     *
     * @throws io.cairn.kernel.CairnException {@code CAIRN-LEDGER-0023} for a ledger type this factory cannot
     *                                        build, {@code CAIRN-LEDGER-0009} for an unusable definition
     */
    LedgerConnector open(LedgerDefinition ledger);
}
