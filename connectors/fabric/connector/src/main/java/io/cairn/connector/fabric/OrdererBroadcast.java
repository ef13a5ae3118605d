package io.cairn.connector.fabric;

import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import io.grpc.ManagedChannel;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.Status;
import org.hyperledger.fabric.protos.orderer.AtomicBroadcastGrpc;
import org.hyperledger.fabric.protos.orderer.BroadcastResponse;

/**
 * Submits signed envelopes (such as channel configuration updates) to an ordering service node over its
 * {@code AtomicBroadcast.Broadcast} gRPC stream with TLS. A refusal or anything but {@code SUCCESS} is
 * {@code CAIRN-LEDGER-0010}; no answer within the timeout is {@code CAIRN-LEDGER-0001}.
 */
public final class OrdererBroadcast implements AutoCloseable {

    private final ManagedChannel channel;

    private OrdererBroadcast(ManagedChannel channel) {
        this.channel = channel;
    }

    /**
     * A connection to {@code endpoint} ({@code host:port}) trusting {@code tlsRootCertificatePem}, expecting
     * {@code tlsHostOverride} in the orderer's certificate when present.
     */
    public static OrdererBroadcast open(String endpoint, String tlsRootCertificatePem, Optional<String> tlsHostOverride) {
        return new OrdererBroadcast(TlsChannels.open(endpoint, tlsRootCertificatePem, tlsHostOverride));
    }

    /** Broadcasts one envelope and waits for the orderer's verdict. */
    public void submit(Envelope envelope, Duration timeout) {
        CompletableFuture<BroadcastResponse> answer = new CompletableFuture<>();
        StreamObserver<Envelope> requests = AtomicBroadcastGrpc.newStub(channel)
                .withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .broadcast(new StreamObserver<>() {
                    @Override
                    public void onNext(BroadcastResponse response) {
                        answer.complete(response);
                    }

                    @Override
                    public void onError(Throwable t) {
                        answer.completeExceptionally(t);
                    }

                    @Override
                    public void onCompleted() {
                        answer.completeExceptionally(new IllegalStateException("stream closed without an answer"));
                    }
                });
        requests.onNext(envelope);
        BroadcastResponse response = await(answer, timeout);
        requests.onCompleted();
        if (response.getStatus() != Status.SUCCESS) {
            throw new CairnException(ErrorCode.LEDGER_ADMIN_CALL_FAILED, "the orderer refused the envelope: "
                    + response.getStatus() + " " + response.getInfo());
        }
    }

    private static BroadcastResponse await(CompletableFuture<BroadcastResponse> answer, Duration timeout) {
        try {
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new CairnException(ErrorCode.LEDGER_UNREACHABLE, "the orderer did not answer within " + timeout, e);
        } catch (ExecutionException e) {
            throw new CairnException(ErrorCode.LEDGER_UNREACHABLE, "broadcast failed: " + e.getCause().getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CairnException(ErrorCode.LEDGER_UNREACHABLE, "interrupted while broadcasting", e);
        }
    }

    @Override
    public void close() {
        channel.shutdownNow();
        try {
            channel.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
