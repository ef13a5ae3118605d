package io.cairn.kernel.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretFilesTest {
    @TempDir
    Path dir;

    @Test
    void writesOwnerOnlyFilesAndReplacesThemLeavingNoTemporaryFile() throws IOException {
        Path file = dir.resolve("nested/secret");
        SecretFiles.write(file, "one".getBytes(StandardCharsets.UTF_8));
        SecretFiles.write(file, "two".getBytes(StandardCharsets.UTF_8));
        assertThat(Files.readString(file)).isEqualTo("two");
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(SecretFiles.OWNER_ONLY);
        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void aFailedWriteLeavesThePreviousContent() throws IOException {
        Path file = dir.resolve("secret");
        SecretFiles.write(file, "kept".getBytes(StandardCharsets.UTF_8));
        try {
            SecretFiles.write(file, out -> {
                out.write('x');
                throw new IOException("disk full");
            });
        } catch (IOException expected) {
            // the write failed as the test intends
        }
        assertThat(Files.readString(file)).isEqualTo("kept");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }
}
