package io.cairn.custody.software;

import io.cairn.custody.spi.KeyCustody;
import io.cairn.custody.tck.KeyCustodyContract;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;

/** The software custody over the in-memory repository passes the key custody contract. */
class InMemorySoftwareCustodyTckTest extends KeyCustodyContract {
    private final InMemorySealedKeyRepository repository = new InMemorySealedKeyRepository();
    private final MasterKey masterKey = MasterKey.random();
    private SoftwareKeyCustody custody = open();

    private SoftwareKeyCustody open() {
        return new SoftwareKeyCustody(repository, masterKey, false, Clock.systemUTC());
    }

    @Override
    protected KeyCustody custody() {
        return custody;
    }

    @Override
    protected KeyCustody reopen() {
        custody.close();
        custody = open();
        return custody;
    }

    @AfterEach
    void close() {
        custody.close();
    }
}
