package io.cairn.connector.fabric;

import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How to reach one Fabric channel's anchoring chaincode and with which identity.
 *
 * @param ledgerId                the id the ledger is configured under, 1-63 characters of {@code [a-z0-9._-]}
 * @param peerEndpoint            the peer's gateway endpoint, {@code host:port} (always TLS)
 * @param tlsRootCertificatePem   PEM of the CA certificate(s) the peer's TLS certificate chains to
 * @param tlsHostOverride         the host name to expect in the peer's TLS certificate, when it differs from
 *                                the endpoint's host
 * @param channel                 the application channel
 * @param chaincode               the anchoring chaincode's name on the channel
 * @param mspId                   the identity's organisation (MSP id)
 * @param identityCertificatePem  PEM of the identity's X.509 certificate, issued by the organisation's CA
 * @param keyAlias                alias of the identity's P-256 key in key custody (signs through the
 *                                {@link io.cairn.connector.spi.TransactionSigner})
 * @param requestTimeout          deadline of every endorsement, submission, query and block read
 * @param commitTimeout           how long {@code anchor} waits for the transaction's commit status
 * @param scanFromBlock           first block {@code findAnchors} reads (blocks before the chaincode existed
 *                                hold no anchors)
 * @param maxBatchSize            most events per delivered batch
 */
public record FabricLedgerConfig(
        String ledgerId,
        String peerEndpoint,
        String tlsRootCertificatePem,
        Optional<String> tlsHostOverride,
        String channel,
        String chaincode,
        String mspId,
        String identityCertificatePem,
        String keyAlias,
        Duration requestTimeout,
        Duration commitTimeout,
        long scanFromBlock,
        int maxBatchSize) {

    private static final Pattern LEDGER_ID = Pattern.compile("[a-z0-9._-]{1,63}");
    private static final Pattern ENDPOINT = Pattern.compile("[A-Za-z0-9.\\-\\[\\]:]+:[0-9]{1,5}");
    private static final Pattern CHANNEL = Pattern.compile("[a-z][a-z0-9.-]{0,248}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    /** Validates the configuration; a bad field is {@code CAIRN-LEDGER-0009} naming the field. */
    public FabricLedgerConfig {
        require("ledgerId", ledgerId, LEDGER_ID);
        require("peerEndpoint", peerEndpoint, ENDPOINT);
        require("channel", channel, CHANNEL);
        require("chaincode", chaincode, NAME);
        require("mspId", mspId, NAME);
        require("keyAlias", keyAlias, NAME);
        requirePem("tlsRootCertificatePem", tlsRootCertificatePem);
        requirePem("identityCertificatePem", identityCertificatePem);
        Objects.requireNonNull(tlsHostOverride, "tlsHostOverride");
        requirePositive("requestTimeout", requestTimeout);
        requirePositive("commitTimeout", commitTimeout);
        if (scanFromBlock < 0) {
            throw invalid("scanFromBlock", "is not negative");
        }
        if (maxBatchSize < 1) {
            throw invalid("maxBatchSize", "is at least 1");
        }
    }

    /** A builder with the defaults: 30 s requests, 60 s commit wait, scan from block 0, batches of 500. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.ledgerId = ledgerId;
        b.peerEndpoint = peerEndpoint;
        b.tlsRootCertificatePem = tlsRootCertificatePem;
        b.tlsHostOverride = tlsHostOverride;
        b.channel = channel;
        b.chaincode = chaincode;
        b.mspId = mspId;
        b.identityCertificatePem = identityCertificatePem;
        b.keyAlias = keyAlias;
        b.requestTimeout = requestTimeout;
        b.commitTimeout = commitTimeout;
        b.scanFromBlock = scanFromBlock;
        b.maxBatchSize = maxBatchSize;
        return b;
    }

    private static void require(String field, String value, Pattern pattern) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw invalid(field, "must match " + pattern.pattern());
        }
    }

    private static void requirePem(String field, String value) {
        if (value == null || !value.contains("-----BEGIN CERTIFICATE-----")) {
            throw invalid(field, "must hold a PEM certificate");
        }
    }

    private static void requirePositive(String field, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw invalid(field, "must be positive");
        }
    }

    private static CairnException invalid(String field, String detail) {
        return CairnException.field(ErrorCode.LEDGER_INVALID_CONFIGURATION, field, field + " " + detail);
    }

    /** Builds a {@link FabricLedgerConfig}. */
    public static final class Builder {
        private String ledgerId;
        private String peerEndpoint;
        private String tlsRootCertificatePem;
        private Optional<String> tlsHostOverride = Optional.empty();
        private String channel;
        private String chaincode = "cairn-anchor";
        private String mspId;
        private String identityCertificatePem;
        private String keyAlias;
        private Duration requestTimeout = Duration.ofSeconds(30);
        private Duration commitTimeout = Duration.ofSeconds(60);
        private long scanFromBlock;
        private int maxBatchSize = 500;

        private Builder() {
        }

        /** Sets {@link FabricLedgerConfig#ledgerId()}. */
        public Builder ledgerId(String value) {
            ledgerId = value;
            return this;
        }

        /** Sets {@link FabricLedgerConfig#peerEndpoint()}. */
        public Builder peerEndpoint(String value) {
            peerEndpoint = value;
            return this;
        }

        /** Sets {@link FabricLedgerConfig#tlsRootCertificatePem()}. */
        public Builder tlsRootCertificatePem(String value) {
            tlsRootCertificatePem = value;
            return this;
        }

        /** Sets {@link FabricLedgerConfig#tlsHostOverride()}. */
        public Builder tlsHostOverride(String value) {
            tlsHostOverride = Optional.of(value);
            return this;
        }

        /** Sets {@link FabricLedgerConfig#channel()}. */
        public Builder channel(String value) {
            channel = value;
            return this;
        }

        /** Sets {@link FabricLedgerConfig#chaincode()} (default {@code cairn-anchor}). */
        public Builder chaincode(String value) {
            chaincode = value;
            return this;
        }

        /** Sets {@link FabricLedgerConfig#mspId()}. */
        public Builder mspId(String value) {
            mspId = value;
            return this;
        }

        /** Sets {@link FabricLedgerConfig#identityCertificatePem()}. */
        public Builder identityCertificatePem(String value) {
            identityCertificatePem = value;
            return this;
        }

        /** Sets {@link FabricLedgerConfig#keyAlias()}. */
        public Builder keyAlias(String value) {
            keyAlias = value;
            return this;
        }

        /** Sets {@link FabricLedgerConfig#requestTimeout()}. */
        public Builder requestTimeout(Duration value) {
            requestTimeout = value;
            return this;
        }

        /** Sets {@link FabricLedgerConfig#commitTimeout()}. */
        public Builder commitTimeout(Duration value) {
            commitTimeout = value;
            return this;
        }

        /** Sets {@link FabricLedgerConfig#scanFromBlock()}. */
        public Builder scanFromBlock(long value) {
            scanFromBlock = value;
            return this;
        }

        /** Sets {@link FabricLedgerConfig#maxBatchSize()}. */
        public Builder maxBatchSize(int value) {
            maxBatchSize = value;
            return this;
        }

        /** @return the validated configuration */
        public FabricLedgerConfig build() {
            return new FabricLedgerConfig(ledgerId, peerEndpoint, tlsRootCertificatePem, tlsHostOverride, channel,
                    chaincode, mspId, identityCertificatePem, keyAlias, requestTimeout, commitTimeout, scanFromBlock,
                    maxBatchSize);
        }
    }
}
