package io.cairn.custody.software;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterKeyTest {
    @TempDir
    Path dir;

    @Test
    void generatesAnOwnerOnlyFileOnFirstUseAndReadsItBack() throws Exception {
        Path file = dir.resolve("nested/master.key");
        MasterKey first = MasterKey.loadOrCreate(file);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        MasterKey second = MasterKey.loadOrCreate(file);

        byte[] sealed = new KeySealer(first).seal("id", "p-256", new byte[] {1, 2, 3});
        assertThat(new KeySealer(second).open("id", "p-256", sealed)).containsExactly(1, 2, 3);
    }

    @Test
    void refusesAKeyFileOthersCanRead() throws Exception {
        Path file = dir.resolve("master.key");
        MasterKey.loadOrCreate(file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> MasterKey.loadOrCreate(file))
                .isInstanceOfSatisfying(CairnException.class,
                        e -> assertThat(e.error()).isEqualTo(ErrorCode.SIGN_CUSTODY_UNAVAILABLE));
    }

    @Test
    void neverPrintsItsValue() {
        MasterKey key = MasterKey.fromBase64("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");
        assertThat(key.toString()).doesNotContain("AAAA");
    }

    @Test
    void refusesKeysOfTheWrongSize() {
        assertThatThrownBy(() -> MasterKey.fromBase64("AAAA"))
                .isInstanceOfSatisfying(CairnException.class,
                        e -> assertThat(e.error()).isEqualTo(ErrorCode.CONF_INVALID_VALUE));
        assertThatThrownBy(() -> MasterKey.fromBase64("not base64!"))
                .isInstanceOfSatisfying(CairnException.class,
                        e -> assertThat(e.error()).isEqualTo(ErrorCode.CONF_INVALID_VALUE));
    }
}
