package io.cairn.appliance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Locates files of the source tree from a test, and checks generated ones for staleness. */
final class RepositoryFiles {
    private RepositoryFiles() {
    }

    static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("not inside the source tree");
        }
        return dir;
    }

    /**
     * The committed content of a generated file. With {@code -Dcairn.update-generated=true} the file is first
     * rewritten from the code, which is how the generated files are refreshed.
     */
    static String committed(String relative, String generated) throws IOException {
        Path file = root().resolve(relative);
        if (Boolean.getBoolean("cairn.update-generated")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, generated, StandardCharsets.UTF_8);
        }
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }
}
