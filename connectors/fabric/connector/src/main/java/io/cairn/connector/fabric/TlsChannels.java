package io.cairn.connector.fabric;

import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.TlsChannelCredentials;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** gRPC channels over TLS to Fabric nodes (peers and orderers), trusting a PEM root certificate. */
final class TlsChannels {

    private TlsChannels() {
    }

    /**
     * A channel to {@code endpoint} ({@code host:port}); it connects on first use.
     *
     * @throws CairnException {@code CAIRN-LEDGER-0009} naming {@code tlsRootCertificatePem} when the root is unusable
     */
    static ManagedChannel open(String endpoint, String tlsRootCertificatePem, Optional<String> tlsHostOverride) {
        FabricIdentity.certificate("tlsRootCertificatePem", tlsRootCertificatePem);
        TlsChannelCredentials.Builder tls = TlsChannelCredentials.newBuilder();
        try {
            tls.trustManager(new ByteArrayInputStream(tlsRootCertificatePem.getBytes(StandardCharsets.US_ASCII)));
        } catch (IOException e) {
            throw CairnException.field(ErrorCode.LEDGER_INVALID_CONFIGURATION, "tlsRootCertificatePem",
                    "unusable TLS root certificate: " + e.getMessage());
        }
        ManagedChannelBuilder<?> builder = Grpc.newChannelBuilder(endpoint, tls.build());
        tlsHostOverride.ifPresent(builder::overrideAuthority);
        return builder.build();
    }
}
