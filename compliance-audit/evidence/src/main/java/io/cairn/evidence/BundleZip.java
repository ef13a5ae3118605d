package io.cairn.evidence;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a bundle zip deterministically: files in the order given (callers give them sorted by name), every
 * entry with the same fixed time and no extra fields, and a record of each file's SHA-256 and size for the
 * manifest, computed while the bytes stream through.
 */
final class BundleZip implements AutoCloseable {
    /** The modification time of every zip entry. */
    static final LocalDateTime FIXED_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);

    private final ZipOutputStream zip;
    private final List<FileDigest> files = new ArrayList<>();

    BundleZip(OutputStream out) {
        this.zip = new ZipOutputStream(out);
    }

    /**
     * One file of a bundle as listed in the manifest.
     *
     * @param name   path inside the zip
     * @param sha256 SHA-256 of its bytes, lower-case hex
     * @param size   its length in bytes
     */
    record FileDigest(String name, String sha256, long size) {
    }

    /**
     * Opens the next file; close the returned stream before opening another.
     *
     * @param name path inside the zip
     * @return where to write the file's bytes
     */
    OutputStream file(String name) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(FIXED_TIME);
        zip.putNextEntry(entry);
        MessageDigest digest = Digests.sha256();
        return new FilterOutputStream(zip) {
            private long size;

            @Override
            public void write(int b) throws IOException {
                zip.write(b);
                digest.update((byte) b);
                size++;
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                zip.write(b, off, len);
                digest.update(b, off, len);
                size += len;
            }

            @Override
            public void close() throws IOException {
                zip.closeEntry();
                files.add(new FileDigest(name, HexFormat.of().formatHex(digest.digest()), size));
            }
        };
    }

    /** Writes a whole file. */
    void write(String name, byte[] content) throws IOException {
        try (OutputStream out = file(name)) {
            out.write(content);
        }
    }

    /** The files written so far, in order. */
    List<FileDigest> files() {
        return List.copyOf(files);
    }

    @Override
    public void close() throws IOException {
        zip.finish();
        zip.flush();
    }
}
