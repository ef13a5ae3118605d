package io.cairn.ca;

import io.cairn.storage.Database;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Integration tests on one real PostgreSQL per class, with the CA forgotten before each test. */
abstract class CaDatabaseTest {
    @TempDir
    static Path dbDir;
    static Database db;

    @BeforeAll
    static void openDatabase() {
        db = TestDatabase.open(dbDir);
    }

    @AfterAll
    static void closeDatabase() {
        db.close();
    }

    @BeforeEach
    void forgetTheCa() {
        TestDatabase.resetCa(db);
    }
}
