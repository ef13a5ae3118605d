package io.cairn.appliance.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** How operator commands reach and authenticate to a running appliance. */
final class ApiOptions {
    @Option(names = "--url", paramLabel = "URL", defaultValue = "${env:CAIRN_URL:-https://127.0.0.1:8443}",
            description = "Base URL of the appliance (default: $CAIRN_URL or ${DEFAULT-VALUE}).")
    String url;

    @Option(names = "--token", paramLabel = "TOKEN", defaultValue = "${env:CAIRN_TOKEN}",
            description = "API token (default: $CAIRN_TOKEN). Prefer the environment variable: arguments are visible to other local users.")
    String token;

    @Option(names = "--ca-certificate", paramLabel = "FILE",
            description = "PEM file of the CA (or self-signed certificate) that the appliance's TLS certificate chains to.")
    Path caCertificate;

    @Option(names = "--insecure", description = "Do not verify the appliance's TLS certificate (development only).")
    boolean insecure;
}
