package io.cairn.provisioning.besu;

import java.util.Locale;
import org.web3j.crypto.Keys;

/** The account address of a Besu node's key, which is its address as a validator, read from its enode URL. */
final class ValidatorAddress {
    private ValidatorAddress() {
    }

    /** {@code 0x} + the last 20 bytes of keccak-256 of the enode's 64-byte public key, lower case. */
    static String ofEnode(String enode) {
        String publicKey = enode.substring("enode://".length(), enode.indexOf('@'));
        return "0x" + Keys.getAddress(publicKey).toLowerCase(Locale.ROOT);
    }

    /** An address or enode URL in the form nodes compare: lower case. */
    static String normal(String value) {
        return value.toLowerCase(Locale.ROOT);
    }
}
