package io.cairn.evidence;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.kernel.CairnException;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cairn audit verify BUNDLE}: checks an evidence bundle offline and prints a report. */
@Command(name = "verify",
        mixinStandardHelpOptions = true,
        description = {
            "Verify an evidence bundle offline (no database; no network unless --ledger-rpc is given): the manifest"
                + " hashes, every journal entry's canonical encoding and leaf hash, every inclusion proof against the"
                + " newest signed checkpoint, the checkpoint signatures and keys, the consistency between consecutive"
                + " checkpoints, and every verification block (Merkle root, block hash, previous-block chain,"
                + " block-sealed journal entry).",
            "With --ledger-rpc NAME=URL the anchors on EVM ledger NAME are checked over JSON-RPC."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the bundle is valid",
            "1:the bundle does not verify (the report names every failing file and item)",
            "2:the bundle is unreadable or malformed, or the arguments are wrong"})
final class VerifyBundleCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "BUNDLE", description = "The evidence bundle (zip) to verify.")
    Path bundle;

    @Option(names = "--ledger-rpc", paramLabel = "NAME=URL",
            description = "JSON-RPC endpoint of the EVM ledger NAME (as named in the bundle's anchors); repeatable.")
    Map<String, String> ledgerRpc = new LinkedHashMap<>();

    @Option(names = "--trusted-key", paramLabel = "FILE",
            description = "Public key (PEM 'PUBLIC KEY' or DER) that must have signed the checkpoints; repeatable."
                    + " Without it the report says the key is not pinned and prints its fingerprint.")
    List<Path> trustedKeys = new ArrayList<>();

    @Option(names = "--json", description = "Print the report as JSON instead of text.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        BundleVerifier.Options options = new BundleVerifier.Options(endpoints(), keys());
        VerificationReport report;
        try {
            report = BundleVerifier.verify(bundle, options);
        } catch (CairnException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("UNREADABLE: " + e.getMessage() + " [" + e.error().code() + "]");
            err.flush();
            return AuditCommand.EXIT_UNREADABLE;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? json(report) : report.text());
        out.flush();
        return report.valid() ? AuditCommand.EXIT_VALID : AuditCommand.EXIT_INVALID;
    }

    private static String json(VerificationReport report) throws IOException {
        ObjectNode tree = BundleLayout.JSON.valueToTree(report);
        tree.put("valid", report.valid());
        return BundleLayout.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree) + "\n";
    }

    private Map<String, URI> endpoints() {
        Map<String, URI> endpoints = new LinkedHashMap<>();
        ledgerRpc.forEach((name, url) -> {
            URI uri;
            try {
                uri = URI.create(url);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--ledger-rpc " + name + ": not a URL: " + url);
            }
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                throw new ParameterException(spec.commandLine(), "--ledger-rpc " + name + ": use an http(s) URL");
            }
            endpoints.put(name, uri);
        });
        return endpoints;
    }

    private List<byte[]> keys() {
        List<byte[]> keys = new ArrayList<>();
        for (Path file : trustedKeys) {
            try {
                keys.add(PublicKeys.derOf(Files.readAllBytes(file)));
            } catch (IOException | IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--trusted-key " + file + ": " + e.getMessage());
            }
        }
        return keys;
    }
}
