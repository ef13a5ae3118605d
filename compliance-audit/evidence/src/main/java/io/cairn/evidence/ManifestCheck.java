package io.cairn.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/** Checks that every file of the bundle is listed in the manifest with its exact SHA-256 and size, and vice versa. */
final class ManifestCheck {
    private ManifestCheck() {
    }

    static void run(BundleFiles files, Manifest manifest, VerificationReport.Builder report) {
        long before = report.failureCount();
        Set<String> listed = new HashSet<>();
        String previous = "";
        for (BundleZip.FileDigest file : manifest.files()) {
            if (!listed.add(file.name()) || file.name().compareTo(previous) <= 0) {
                report.fail(BundleLayout.MANIFEST, "file " + file.name(), "listed twice or out of name order");
            }
            previous = file.name();
            if (!files.has(file.name())) {
                report.fail(file.name(), "whole file", "listed in the manifest but missing from the bundle");
                continue;
            }
            compare(files, file, report);
        }
        List<String> present = files.names();
        for (String name : present) {
            if (!name.equals(BundleLayout.MANIFEST) && !listed.contains(name)) {
                report.fail(name, "whole file", "in the bundle but not listed in the manifest");
            }
        }
        report.check("Manifest", before, manifest.files().size() + " files listed; the SHA-256 and size of each were"
                + " recomputed and compared");
    }

    private static void compare(BundleFiles files, BundleZip.FileDigest expected, VerificationReport.Builder report) {
        MessageDigest digest = Digests.sha256();
        long size = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = files.open(expected.name())) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
                size += n;
            }
        } catch (IOException e) {
            report.fail(expected.name(), "whole file", "cannot be read from the zip: " + e.getMessage());
            return;
        }
        String actual = HexFormat.of().formatHex(digest.digest());
        if (!actual.equals(expected.sha256()) || size != expected.size()) {
            report.fail(expected.name(), "whole file", "content differs from the manifest (SHA-256 " + actual + ", "
                    + size + " bytes; manifest says " + expected.sha256() + ", " + expected.size() + " bytes)");
        }
    }
}
