package io.cairn.connector.fabric.chaincode;

import java.io.IOException;
import java.net.URISyntaxException;
import java.util.Properties;
import org.hyperledger.fabric.metrics.Metrics;
import org.hyperledger.fabric.shim.ChaincodeServer;
import org.hyperledger.fabric.shim.NettyChaincodeServer;
import org.hyperledger.fabric.traces.Traces;

/**
 * Runs {@link AnchorChaincode} as a chaincode service: the peers connect to it (CCaaS), it never
 * connects to a peer. Configured by the shim's environment variables:
 * <ul>
 *   <li>{@code CHAINCODE_SERVER_ADDRESS} — {@code host:port} to listen on (required);</li>
 *   <li>{@code CORE_CHAINCODE_ID_NAME} — the package id the peers know the chaincode by (required);</li>
 *   <li>{@code CORE_PEER_TLS_ENABLED}, {@code CORE_TLS_CLIENT_KEY_FILE}, ... — optional TLS.</li>
 * </ul>
 */
public final class AnchorChaincodeServer {

    private AnchorChaincodeServer() {
    }

    /**
     * Starts the server and blocks until the process is stopped.
     *
     * @param args ignored
     * @throws IOException          when the server cannot listen
     * @throws InterruptedException when interrupted while serving
     * @throws URISyntaxException   when {@code CHAINCODE_SERVER_ADDRESS} is malformed
     */
    public static void main(String[] args) throws IOException, InterruptedException, URISyntaxException {
        requireEnv("CHAINCODE_SERVER_ADDRESS");
        requireEnv("CORE_CHAINCODE_ID_NAME");
        AnchorChaincode chaincode = new AnchorChaincode();
        chaincode.processEnvironmentOptions();
        chaincode.validateOptions();
        // what ChaincodeBase.start does before it would connect to a peer: load the chaincode
        // configuration and set up metrics and traces (both off unless configured)
        Properties config = chaincode.getChaincodeConfig();
        Metrics.initialize(config);
        Traces.initialize(config);
        ChaincodeServer server = new NettyChaincodeServer(chaincode, chaincode.getChaincodeServerConfig());
        server.start();
    }

    private static void requireEnv(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            System.err.println("AnchorChaincodeServer: environment variable " + name + " is required");
            System.exit(2);
        }
    }
}
