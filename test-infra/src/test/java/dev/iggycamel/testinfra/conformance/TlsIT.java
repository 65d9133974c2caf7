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
package dev.iggycamel.testinfra.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.iggycamel.testinfra.IggyProperties;
import dev.iggycamel.testinfra.IggyService;
import dev.iggycamel.testinfra.IggyServiceFactory;
import java.math.BigInteger;
import java.util.concurrent.TimeUnit;
import org.apache.iggy.client.async.tcp.AsyncIggyTcpClient;
import org.apache.iggy.client.blocking.tcp.IggyTcpClient;
import org.apache.iggy.exception.IggyServerException;
import org.apache.iggy.message.PollingStrategy;
import org.apache.iggy.personalaccesstoken.RawPersonalAccessToken;
import org.apache.iggy.stream.StreamDetails;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The TCP protocol inside TLS, with the SDK trusting the server's certificate ({@code tlsCertificate}) and connecting
 * to {@code localhost}, the name the certificate is for. Against a remote server this needs {@code -Diggy.tls.port}
 * and {@code -Diggy.tls.certificate}; without them the class is skipped, saying so.
 */
class TlsIT extends ConformanceBase {

    /** Runs first: a remote server without a described TLS listener skips the class, saying why. */
    @RegisterExtension
    @Order(1)
    static final ExecutionCondition TLS_LISTENER_KNOWN = TlsIT::tlsListenerKnown;

    @RegisterExtension
    @Order(2)
    static IggyService iggy = IggyServiceFactory.createTlsService();

    private static ConditionEvaluationResult tlsListenerKnown(ExtensionContext context) {
        boolean remote = IggyProperties.REMOTE.equals(IggyServiceFactory.instanceType());
        if (!remote
                || (System.getProperty(IggyProperties.TLS_PORT) != null
                        && System.getProperty(IggyProperties.TLS_CERTIFICATE) != null)) {
            return ConditionEvaluationResult.enabled("the TLS listener is known");
        }
        return ConditionEvaluationResult.disabled("Skipped: TLS against a remote Iggy server needs -D"
                + IggyProperties.TLS_PORT + " and -D" + IggyProperties.TLS_CERTIFICATE);
    }

    @Override
    IggyService service() {
        return iggy;
    }

    @Test
    void blockingClientWorksOverTls() {
        assertThat(service().isTls()).isTrue();
        createStreamAndTopic(1);
        sendTo(0L, messages("secret", "message"));

        assertThat(payloads(poll(0L, 1, PollingStrategy.first(), 10, false))).containsExactly("secret", "message");
        assertThat(root().system().getMe().transport()).isEqualTo("Tcp");
        assertThat(root().streams().getStreams()).hasSize(1);
    }

    @Test
    void asyncClientWorksOverTls() {
        AsyncIggyTcpClient client = asyncRootClient();

        assertThat(await(client.system().ping())).isEqualTo("pong");
        StreamDetails stream = await(client.streams().createStream("tls-stream"));
        created.stream("tls-stream");
        assertThat(stream.id()).isZero();
        assertThat(await(asyncRootClient(1).system().getStats()).streamsCount()).isEqualTo(1);
    }

    @Test
    void personalAccessTokenLoginOverTls() {
        RawPersonalAccessToken token =
                root().personalAccessTokens().createPersonalAccessToken("tls-token", BigInteger.ZERO);
        created.rootToken("tls-token");

        IggyTcpClient client = anonymousClient();

        assertThat(client.personalAccessTokens()
                        .loginWithPersonalAccessToken(token.token())
                        .userId())
                .isEqualTo(ROOT_USER_ID);
        assertThat(client.users().getUser(ROOT_USER_ID)).isPresent();
    }

    @Test
    void plainClientIsNotServedByTheTlsListener() {
        AsyncIggyTcpClient plain = AsyncIggyTcpClient.builder()
                .host(service().host())
                .port(service().port())
                .credentials(service().username(), service().password())
                .connectionPoolSize(1)
                .build();
        created.closeable(() -> plain.close().get(5, TimeUnit.SECONDS));

        // the server drops the connection; the SDK either fails or never hears back
        Throwable failure = catchThrowable(
                () -> plain.connect().thenCompose(ignored -> plain.login()).get(1, TimeUnit.SECONDS));

        assertThat(failure).isNotNull();
        assertThat(unwrap(failure)).isNotInstanceOf(IggyServerException.class);
    }
}
