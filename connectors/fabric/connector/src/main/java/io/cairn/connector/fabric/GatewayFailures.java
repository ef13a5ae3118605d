package io.cairn.connector.fabric;

import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import io.grpc.Status;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.GatewayRuntimeException;
import org.hyperledger.fabric.protos.gateway.ErrorDetail;

/** Maps fabric-gateway failures to {@code CAIRN-LEDGER-*} errors. */
final class GatewayFailures {

    private GatewayFailures() {
    }

    /** Whether a gRPC status means the peer could not be reached or did not answer in time. */
    static boolean isTransport(Status status) {
        return switch (status.getCode()) {
            case UNAVAILABLE, DEADLINE_EXCEEDED, CANCELLED -> true;
            default -> false;
        };
    }

    /** {@code CAIRN-LEDGER-0001} for transport failures, otherwise {@code otherwise}. */
    static CairnException of(ErrorCode otherwise, String what, GatewayException e) {
        return of(otherwise, what, e.getStatus(), e.getDetails(), e);
    }

    /** {@code CAIRN-LEDGER-0001} for transport failures, otherwise {@code otherwise}. */
    static CairnException of(ErrorCode otherwise, String what, GatewayRuntimeException e) {
        return of(otherwise, what, e.getStatus(), e.getDetails(), e);
    }

    /** Like {@link #of(ErrorCode, String, GatewayException)}, naming the transaction in the extensions. */
    static CairnException forTransaction(ErrorCode otherwise, String what, String transactionId, GatewayException e) {
        CairnException mapped = of(otherwise, what, e);
        return new CairnException(mapped.error(), mapped.getMessage(), Map.of("transactionId", transactionId), e);
    }

    private static CairnException of(ErrorCode otherwise, String what, Status status, List<ErrorDetail> details,
            Throwable cause) {
        ErrorCode code = isTransport(status) ? ErrorCode.LEDGER_UNREACHABLE : otherwise;
        String peers = details.stream().map(d -> d.getMspId() + "@" + d.getAddress() + ": " + d.getMessage())
                .collect(Collectors.joining("; "));
        return new CairnException(code, what + " failed: " + status.getCode()
                + (status.getDescription() == null ? "" : " " + status.getDescription())
                + (peers.isEmpty() ? "" : " [" + peers + "]"), cause);
    }
}
