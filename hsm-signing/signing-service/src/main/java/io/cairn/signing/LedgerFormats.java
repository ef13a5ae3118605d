package io.cairn.signing;

import java.util.List;

/** The ledger formats this module offers, for wiring: each is served at {@code sign/<name>}. */
public final class LedgerFormats {
    private LedgerFormats() {
    }

    /**
     * Every format: {@code ethereum-transaction}, {@code ethereum-message}, {@code ethereum-typed-data},
     * {@code fabric} and {@code corda}.
     */
    public static List<LedgerFormat> standard() {
        return List.of(new EthereumTransactionFormat(), new EthereumMessageFormat(), new EthereumTypedDataFormat(),
                new FabricFormat(), new CordaFormat());
    }
}
