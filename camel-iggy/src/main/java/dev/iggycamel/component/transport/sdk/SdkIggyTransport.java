/*
 * Copyright The camel-iggy Authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package dev.iggycamel.component.transport.sdk;

import dev.iggycamel.component.transport.IggyConnection;
import dev.iggycamel.component.transport.IggyConnectionSettings;
import dev.iggycamel.component.transport.IggyRequests;
import dev.iggycamel.component.transport.IggyTransport;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.apache.iggy.client.async.tcp.AsyncIggyTcpClient;
import org.apache.iggy.client.async.tcp.AsyncIggyTcpClientBuilder;
import org.apache.iggy.exception.IggyNotConnectedException;

/** The transport over the official Iggy Java SDK 0.8.0 asynchronous TCP client (the Iggy 0.8 wire protocol). */
public final class SdkIggyTransport implements IggyTransport {

    private static final int CONFIRM_ATTEMPTS = 100;

    @Override
    public CompletableFuture<IggyConnection> connect(IggyConnectionSettings settings) {
        AsyncIggyTcpClientBuilder builder = AsyncIggyTcpClient.builder()
                .host(settings.host())
                .port(settings.port())
                .connectionPoolSize(Math.max(1, settings.connections()));
        if (settings.connectTimeout() != null) {
            builder.connectionTimeout(settings.connectTimeout());
        }
        if (settings.tls()) {
            builder.enableTls();
            if (settings.trustedCertificate() != null) {
                builder.tlsCertificate(settings.trustedCertificate().toFile());
            }
        }
        if (settings.personalAccessToken() == null) {
            builder.credentials(settings.username(), settings.password());
        }
        AsyncIggyTcpClient client;
        try {
            client = builder.build();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(
                    "Invalid Iggy connection settings " + settings + ": " + e.getMessage(), e));
        }
        CompletableFuture<IggyConnection> connected = new CompletableFuture<>();
        client.connect()
                .thenCompose(ignored -> settings.personalAccessToken() != null
                        ? client.personalAccessTokens().loginWithPersonalAccessToken(settings.personalAccessToken())
                        : client.login())
                .thenCompose(identity -> confirmAuthenticated(client, CONFIRM_ATTEMPTS))
                .whenComplete((identity, failure) -> {
                    if (failure == null) {
                        connected.complete(new SdkIggyConnection(client, settings));
                    } else {
                        client.close();
                        connected.completeExceptionally(
                                SdkIggyConnection.translate(IggyRequests.connect(settings), failure));
                    }
                });
        return connected;
    }

    /**
     * Waits until the client considers itself logged in. The SDK 0.8.0 marks its connection authenticated in a
     * callback of the login response that can run after the caller's continuation, so a command sent right after
     * login may fail with "Not authenticated, call login first"; GET_ME needs authentication and confirms it.
     */
    private static CompletableFuture<Void> confirmAuthenticated(AsyncIggyTcpClient client, int attemptsLeft) {
        return client.system().getMe().handle((me, failure) -> failure).thenCompose(failure -> {
            if (failure == null) {
                return CompletableFuture.<Void>completedFuture(null);
            }
            Throwable cause =
                    failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            if (!(cause instanceof IggyNotConnectedException) || attemptsLeft <= 1) {
                return CompletableFuture.<Void>failedFuture(cause);
            }
            return CompletableFuture.supplyAsync(
                            () -> null, CompletableFuture.delayedExecutor(5, TimeUnit.MILLISECONDS))
                    .thenCompose(ignored -> confirmAuthenticated(client, attemptsLeft - 1));
        });
    }
}
