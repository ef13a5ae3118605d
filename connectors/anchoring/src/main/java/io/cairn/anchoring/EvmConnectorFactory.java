package io.cairn.anchoring;

import io.cairn.connector.evm.EvmLedgerConfig;
import io.cairn.connector.evm.EvmLedgerConnector;
import io.cairn.connector.evm.GasPolicy;
import io.cairn.connector.evm.TlsSettings;
import io.cairn.connector.evm.TransactionType;
import io.cairn.connector.spi.LedgerConnector;
import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Base64;
import java.util.Collection;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Builds {@link EvmLedgerConnector}s (Hyperledger Besu, any EVM JSON-RPC node) from ledger definitions; other
 * ledger types are refused with {@code CAIRN-LEDGER-0023}.
 *
 * <p>A TLS CA given as PEM is written to a PKCS#12 trust store under {@code trustStoreDirectory} (one file per
 * ledger, replaced at every open); the authorisation header goes to the connector as the
 * {@code Authorization} header and is never printed.
 */
public final class EvmConnectorFactory implements ConnectorFactory {
    private final SignerFactory signers;
    private final Path trustStoreDirectory;
    private final UnaryOperator<EvmLedgerConfig.Builder> tuning;

    /**
     * A factory with the connector's default timeouts.
     *
     * @param signers             signs anchor transactions with the ledger's key alias
     * @param trustStoreDirectory where trust stores made from PEM CAs are kept (e.g. in the data directory)
     */
    public EvmConnectorFactory(SignerFactory signers, Path trustStoreDirectory) {
        this(signers, trustStoreDirectory, UnaryOperator.identity());
    }

    /**
     * A factory that adjusts every configuration (timeouts, poll intervals) before opening.
     *
     * @param tuning applied to the builder after the definition's values are set
     */
    public EvmConnectorFactory(SignerFactory signers, Path trustStoreDirectory,
                               UnaryOperator<EvmLedgerConfig.Builder> tuning) {
        this.signers = signers;
        this.trustStoreDirectory = trustStoreDirectory;
        this.tuning = tuning;
    }

    @Override
    public LedgerConnector open(LedgerDefinition ledger) {
        if (!"evm".equals(ledger.type())) {
            throw new CairnException(ErrorCode.LEDGER_TYPE_UNAVAILABLE, "ledger type '" + ledger.type()
                    + "' is not available on this appliance; only evm ledgers can be registered");
        }
        return EvmLedgerConnector.open(config(ledger), signers.forKey(ledger.keyAlias()));
    }

    /** The connector configuration a definition describes. */
    public EvmLedgerConfig config(LedgerDefinition ledger) {
        EvmLedgerConfig.Builder builder = EvmLedgerConfig.builder().ledgerId(ledger.name())
                .rpcUrl(ledger.endpoints().getFirst()).chainId(ledger.chainId())
                .contractAddress(ledger.contractAddress()).deploymentBlock(ledger.deploymentBlock())
                .keyAlias(ledger.keyAlias()).finality(ledger.finality())
                .transactionType("legacy".equals(ledger.transactionType()) ? TransactionType.LEGACY
                        : TransactionType.EIP1559)
                .gasPolicy("zero".equals(ledger.gas()) ? GasPolicy.zero() : GasPolicy.nodeSuggested());
        ledger.authHeader().ifPresent(value -> builder.header("Authorization", value));
        trustStore(ledger).ifPresent(builder::tls);
        return tuning.apply(builder).build();
    }

    private Optional<TlsSettings> trustStore(LedgerDefinition ledger) {
        if (ledger.tlsCaPem().isEmpty()) {
            return Optional.empty();
        }
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            int i = 0;
            for (Certificate certificate : certificates(ledger.tlsCaPem().get())) {
                store.setCertificateEntry("ca-" + i++, certificate);
            }
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            char[] password = Base64.getEncoder().encodeToString(random).toCharArray();
            Files.createDirectories(trustStoreDirectory);
            Path file = trustStoreDirectory.resolve(ledger.name() + "-ca.p12");
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, password);
            }
            return Optional.of(TlsSettings.trusting(file, password));
        } catch (IOException | GeneralSecurityException e) {
            throw CairnException.field(ErrorCode.LEDGER_INVALID_CONFIGURATION, "tlsCaPem",
                    "the TLS CA certificates cannot be used: " + e.getMessage());
        }
    }

    private static Collection<? extends Certificate> certificates(String pem) throws GeneralSecurityException {
        Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        if (certificates.isEmpty()) {
            throw new GeneralSecurityException("no certificate in the PEM text");
        }
        return certificates;
    }
}
