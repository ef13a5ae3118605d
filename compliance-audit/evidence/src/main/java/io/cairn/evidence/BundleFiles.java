package io.cairn.evidence;

import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/** Read access to the files of a bundle zip. */
final class BundleFiles implements AutoCloseable {
    /** Largest single JSON file read whole (checkpoints, keys, proofs, the manifest). */
    static final int MAX_WHOLE_FILE = 256 << 20;

    private final ZipFile zip;

    private BundleFiles(ZipFile zip) {
        this.zip = zip;
    }

    /**
     * Opens a bundle.
     *
     * @param bundle the zip file
     * @return its files
     * @throws CairnException {@code CAIRN-EVIDENCE-0003} when the file is missing or not a zip
     */
    static BundleFiles open(Path bundle) {
        if (!Files.isRegularFile(bundle)) {
            throw unreadable(bundle + " is not a readable file");
        }
        try {
            return new BundleFiles(new ZipFile(bundle.toFile(), StandardCharsets.UTF_8));
        } catch (ZipException e) {
            throw unreadable(bundle + " is not a zip archive (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw unreadable("cannot read " + bundle + ": " + e.getMessage());
        }
    }

    static CairnException unreadable(String detail) {
        return new CairnException(ErrorCode.EVIDENCE_BUNDLE_UNREADABLE, detail);
    }

    /** The names of the files in the zip (directories left out), in zip order. */
    List<String> names() {
        List<String> names = new ArrayList<>();
        for (ZipEntry entry : Collections.list(zip.entries())) {
            if (!entry.isDirectory()) {
                names.add(entry.getName());
            }
        }
        return names;
    }

    boolean has(String name) {
        ZipEntry entry = zip.getEntry(name);
        return entry != null && !entry.isDirectory();
    }

    /** Streams a file; the caller closes it. */
    InputStream open(String name) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new IOException(name + " is not in the bundle");
        }
        return zip.getInputStream(entry);
    }

    /** Reads a whole file of at most {@link #MAX_WHOLE_FILE} bytes. */
    byte[] read(String name) {
        try (InputStream in = open(name)) {
            byte[] bytes = in.readNBytes(MAX_WHOLE_FILE + 1);
            if (bytes.length > MAX_WHOLE_FILE) {
                throw new BundleDefect("whole file", "larger than " + MAX_WHOLE_FILE + " bytes");
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + " from the bundle", e);
        }
    }

    /** A reader of a file's lines (UTF-8). */
    BufferedReader lines(String name) throws IOException {
        return new BufferedReader(new InputStreamReader(open(name), StandardCharsets.UTF_8), 1 << 16);
    }

    @Override
    public void close() {
        try {
            zip.close();
        } catch (IOException ignored) {
            // nothing was written; closing a read-only zip cannot lose data
        }
    }
}
