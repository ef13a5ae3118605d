package io.cairn.connector.evm;

import io.reactivex.Flowable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import org.web3j.protocol.Web3jService;
import org.web3j.protocol.core.BatchRequest;
import org.web3j.protocol.core.BatchResponse;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.websocket.WebSocketClient;
import org.web3j.protocol.websocket.WebSocketService;
import org.web3j.protocol.websocket.events.Notification;

/**
 * JSON-RPC over a WebSocket ({@code ws}/{@code wss}) that connects on first use, reconnects after the
 * connection drops, and bounds every call by the configured request timeout.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
final class WebSocketTransport implements Web3jService {

    private final URI url;
    private final Map<String, String> headers;
    private final Optional<SSLContext> tls;
    private final Duration timeout;
    private WebSocketClient client;
    private WebSocketService service;

    WebSocketTransport(URI url, Map<String, String> headers, Optional<SSLContext> tls, Duration timeout) {
        this.url = url;
        this.headers = Map.copyOf(headers);
        this.tls = tls;
        this.timeout = timeout;
    }

    private synchronized WebSocketService connected() throws IOException {
        if (service == null || !client.isOpen()) {
            if (service != null) {
                service.close();
            }
            WebSocketClient fresh = new WebSocketClient(url, headers);
            tls.ifPresent(context -> fresh.setSocketFactory(context.getSocketFactory()));
            WebSocketService opened = new WebSocketService(fresh, false);
            opened.connect();
            client = fresh;
            service = opened;
        }
        return service;
    }

    @Override
    public <T extends Response> T send(Request request, Class<T> responseType) throws IOException {
        return await(connected().sendAsync(request, responseType));
    }

    @Override
    public <T extends Response> CompletableFuture<T> sendAsync(Request request, Class<T> responseType) {
        try {
            return connected().sendAsync(request, responseType);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public BatchResponse sendBatch(BatchRequest batch) throws IOException {
        return await(connected().sendBatchAsync(batch));
    }

    @Override
    public CompletableFuture<BatchResponse> sendBatchAsync(BatchRequest batch) {
        try {
            return connected().sendBatchAsync(batch);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public <T extends Notification<?>> Flowable<T> subscribe(Request request, String unsubscribeMethod,
                                                             Class<T> responseType) {
        try {
            return connected().subscribe(request, unsubscribeMethod, responseType);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() {
        if (service != null) {
            service.close();
            service = null;
        }
    }

    private <T> T await(CompletableFuture<T> pending) throws IOException {
        try {
            return pending.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw new SocketTimeoutException("no answer within " + timeout);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted waiting for the node");
        }
    }
}
