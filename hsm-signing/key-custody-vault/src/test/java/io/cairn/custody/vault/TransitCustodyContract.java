package io.cairn.custody.vault;

import io.cairn.custody.tck.KeyCustodyContract;
import org.junit.jupiter.api.AfterAll;

/**
 * The key custody contract for the Vault custody: a subclass says which Vault to use through
 * {@link #options()}; this class opens, reopens and closes the custody (one test class runs at a time).
 */
abstract class TransitCustodyContract extends KeyCustodyContract {
    private static VaultKeyCustody custody;

    /** How to reach the Vault this test class runs against. */
    protected abstract VaultOptions options();

    @Override
    protected VaultKeyCustody custody() {
        if (custody == null) {
            custody = VaultKeyCustody.open(options());
        }
        return custody;
    }

    @Override
    protected VaultKeyCustody reopen() {
        custody().close();
        custody = VaultKeyCustody.open(options());
        return custody;
    }

    @AfterAll
    static void closeCustody() {
        if (custody != null) {
            custody.close();
            custody = null;
        }
    }
}
