package io.cairn.connector.evm;

/**
 * Decodes JSON-RPC quantities ({@code 0x}-prefixed hex) without going through exceptions, which makes
 * web3j's own accessors costly on every log and block number.
 */
final class HexQuantity {

    private HexQuantity() {
    }

    /** The value of a quantity that fits a {@code long}. */
    static long parse(String quantity) {
        if (quantity == null || quantity.length() < 3 || !quantity.regionMatches(true, 0, "0x", 0, 2)) {
            throw EvmNode.invalid("not a hex quantity: " + quantity);
        }
        try {
            return Long.parseUnsignedLong(quantity, 2, quantity.length(), 16);
        } catch (NumberFormatException e) {
            throw EvmNode.invalid("not a hex quantity: " + quantity);
        }
    }
}
