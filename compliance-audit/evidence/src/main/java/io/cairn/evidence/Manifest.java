package io.cairn.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.kernel.CairnException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The manifest of a bundle as read.
 *
 * @param createdAt the newest checkpoint's timestamp
 * @param app       the scope's application
 * @param from      the scope's start
 * @param to        the scope's end
 * @param redacted  whether entries may be given as leaf hashes only
 * @param files     every other file with its SHA-256 and size, in manifest order
 */
record Manifest(Instant createdAt, String app, Instant from, Instant to, boolean redacted,
                List<BundleZip.FileDigest> files) {
    private static final List<String> FIELDS = List.of("format", "createdAt", "scope", "redacted", "files");
    private static final List<String> SCOPE_FIELDS = List.of("app", "from", "to");
    private static final List<String> FILE_FIELDS = List.of("name", "sha256", "size");

    /**
     * Reads {@code manifest.json}.
     *
     * @param files the bundle
     * @return the manifest
     * @throws CairnException {@code CAIRN-EVIDENCE-0003} when it is missing, malformed or of another format
     */
    static Manifest read(BundleFiles files) {
        if (!files.has(BundleLayout.MANIFEST)) {
            throw BundleFiles.unreadable("the zip has no " + BundleLayout.MANIFEST + "; it is not a Cairn evidence bundle");
        }
        try {
            BundleJson json = BundleJson.parse(files.read(BundleLayout.MANIFEST), "manifest", FIELDS);
            String format = json.text("format");
            if (!format.equals(BundleLayout.FORMAT)) {
                throw new BundleDefect("format", "format \"" + format + "\" is not " + BundleLayout.FORMAT
                        + " (a newer verifier may be needed)");
            }
            BundleJson scope = json.object("scope", SCOPE_FIELDS);
            List<BundleZip.FileDigest> listed = new ArrayList<>();
            List<JsonNode> items = json.array("files");
            for (int i = 0; i < items.size(); i++) {
                BundleJson file = BundleJson.of(items.get(i), "files[" + i + "]", FILE_FIELDS);
                listed.add(new BundleZip.FileDigest(file.text("name"), file.hex64("sha256"), file.count("size")));
            }
            return new Manifest(json.instant("createdAt"), scope.text("app"), scope.instant("from"),
                    scope.instant("to"), json.bool("redacted"), listed);
        } catch (BundleDefect e) {
            throw BundleFiles.unreadable(BundleLayout.MANIFEST + " is malformed: " + e.item() + ": " + e.getMessage());
        }
    }

    /** The manifest in one line for the report. */
    String describe() {
        return "Format " + BundleLayout.FORMAT + ", application " + app + ", from " + from + " to " + to
                + ", journal as of " + createdAt + ", " + (redacted ? "redacted (entries as leaf hashes)"
                : "not redacted (entries in full)") + ", " + files.size() + " files";
    }
}
