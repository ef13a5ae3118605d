package io.cairn.evidence;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import picocli.CommandLine;

/** Reading, rewriting and verifying bundles in tests. */
final class Bundles {
    private Bundles() {
    }

    /** Exports a scope to a file. */
    static Path export(EvidenceExporter exporter, EvidenceScope scope, Path file) throws IOException {
        exporter.plan(scope).writeTo(file);
        return file;
    }

    /** The files of a bundle, in zip order. */
    static Map<String, byte[]> read(Path bundle) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(bundle))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                files.put(entry.getName(), zip.readAllBytes());
            }
        }
        return files;
    }

    /** Writes files as a zip, in the order given. */
    static Path write(Map<String, byte[]> files, Path bundle) throws IOException {
        try (OutputStream out = Files.newOutputStream(bundle); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        }
        return bundle;
    }

    /** The manifest text with the SHA-256 and size of every file recomputed, as a forger would. */
    static byte[] rehashedManifest(Map<String, byte[]> files) throws IOException {
        var manifest = (com.fasterxml.jackson.databind.node.ObjectNode) BundleLayout.JSON.readTree(
                files.get(BundleLayout.MANIFEST));
        var listed = manifest.putArray("files");
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            if (!file.getKey().equals(BundleLayout.MANIFEST)) {
                listed.addObject().put("name", file.getKey())
                        .put("sha256", Digests.sha256Hex(file.getValue()))
                        .put("size", file.getValue().length);
            }
        }
        return (BundleLayout.JSON.writeValueAsString(manifest) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** The lines of a JSON-lines file. */
    static List<String> lines(byte[] file) {
        return new ArrayList<>(new String(file, StandardCharsets.UTF_8).lines().toList());
    }

    /** Joins lines back into a JSON-lines file. */
    static byte[] joined(List<String> lines) {
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** A file's bytes. */
    static byte[] bytes(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }

    /**
     * Runs {@code audit ...} as the CLI would.
     *
     * @param args arguments after {@code audit}
     * @return exit status and output
     */
    static Run audit(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new AuditCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int status = cli.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    /**
     * One CLI run.
     *
     * @param status exit status
     * @param out    standard output
     * @param err    standard error
     */
    record Run(int status, String out, String err) {
    }
}
