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
package dev.iggycamel.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iggycamel.component.transport.IggyConnectionSettings;
import dev.iggycamel.component.transport.TopicAddress;
import dev.iggycamel.component.transport.TopicSettings;
import dev.iggycamel.component.transport.sdk.SdkIggyTransport;
import dev.iggycamel.component.transport.tcp.TcpIggyTransport;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Endpoint URIs, the component's shared configuration, and what an endpoint derives from its options. */
class IggyComponentTest extends FakeTransportCamelTest {

    // --- transports

    @Test
    void transportTypeChoosesTheTransportAndAComponentTransportWinsOverIt() {
        DefaultCamelContext plain = new DefaultCamelContext();
        try {
            IggyComponent iggy = plain.getComponent("iggy", IggyComponent.class);
            IggyEndpoint sdk = plain.getEndpoint("iggy:s/t?transportType=sdk", IggyEndpoint.class);
            IggyEndpoint own = plain.getEndpoint("iggy:s/t?transportType=native", IggyEndpoint.class);
            IggyEndpoint byDefault = plain.getEndpoint("iggy:s/t", IggyEndpoint.class);

            assertThat(sdk.transport()).isInstanceOf(SdkIggyTransport.class);
            assertThat(own.transport()).isInstanceOf(TcpIggyTransport.class);
            assertThat(plain.getEndpoint("iggy:s/u?transportType=native", IggyEndpoint.class)
                            .transport())
                    .as("one shared per component")
                    .isSameAs(own.transport());
            assertThat(byDefault.getConfiguration().getTransportType())
                    .isEqualTo(IggyConfiguration.DEFAULT_TRANSPORT_TYPE);

            FakeIggyTransport fake = new FakeIggyTransport();
            iggy.setTransport(fake);
            assertThat(sdk.transport()).isSameAs(fake);
            assertThat(own.transport()).isSameAs(fake);
        } finally {
            plain.stop();
        }
    }

    @Test
    void anUnknownTransportTypeIsRefusedNamingTheOption() {
        assertThatThrownBy(() -> endpoint("iggy:orders/created?transportType=http"))
                .hasStackTraceContaining("Invalid Iggy option transportType: must be native or sdk, got http");
    }

    // --- URI parsing

    @Test
    void parsesStreamAndTopicNames() {
        IggyEndpoint endpoint = endpoint("iggy:orders/created");

        assertThat(endpoint.getConfiguration().getStream()).isEqualTo("orders");
        assertThat(endpoint.getConfiguration().getTopic()).isEqualTo("created");
        assertThat(endpoint.address()).isEqualTo(new TopicAddress("orders", "created"));
        assertThat(endpoint.getServiceMetadata())
                .containsEntry("stream", "orders")
                .containsEntry("topic", "created");
    }

    @Test
    void parsesNumericIds() {
        IggyEndpoint endpoint = endpoint("iggy:1/42");

        assertThat(endpoint.getConfiguration().getStream()).isEqualTo("1");
        assertThat(endpoint.getConfiguration().getTopic()).isEqualTo("42");
        assertThat(TopicAddress.isNumericId(endpoint.address().stream())).isTrue();
        assertThat(TopicAddress.isNumericId(endpoint.address().topic())).isTrue();
    }

    @Test
    void appliesTheUriOptions() {
        IggyEndpoint endpoint = endpoint("iggy:orders/created?host=iggy.example&port=9090&batchMaxMessages=50"
                + "&batchMaxBytes=2048&maxInFlight=2&partitionKey=${header.device}&headerPolicy=skip"
                + "&compression=gzip&partitions=3&autoCreateStream=false&consumerGroup=billing&pollBatchSize=10"
                + "&commitMode=onPoll&pollingStrategy=first&consumersCount=3&breakOnFirstError=true");
        IggyConfiguration c = endpoint.getConfiguration();

        assertThat(c.getHost()).isEqualTo("iggy.example");
        assertThat(c.getPort()).isEqualTo(9090);
        assertThat(c.getBatchMaxMessages()).isEqualTo(50);
        assertThat(c.getBatchMaxBytes()).isEqualTo(2048);
        assertThat(c.getMaxInFlight()).isEqualTo(2);
        assertThat(c.getPartitionKey()).isEqualTo("${header.device}");
        assertThat(c.getHeaderPolicy()).isEqualTo(IggyHeaderPolicy.skip);
        assertThat(c.getCompression()).isEqualTo("gzip");
        assertThat(c.getPartitions()).isEqualTo(3);
        assertThat(c.isAutoCreateStream()).isFalse();
        assertThat(c.getConsumerGroup()).isEqualTo("billing");
        assertThat(c.getPollBatchSize()).isEqualTo(10);
        assertThat(c.getCommitMode()).isEqualTo(IggyCommitMode.onPoll);
        assertThat(c.getPollingStrategy()).isEqualTo(IggyPollingStrategy.first);
        assertThat(c.getConsumersCount()).isEqualTo(3);
        assertThat(c.isBreakOnFirstError()).isTrue();
        assertThat(endpoint.getServiceUrl()).isEqualTo("iggy.example:9090");
    }

    @Test
    void durationOptionsTakeMillisecondsOrCamelDurations() {
        IggyConfiguration c = endpoint("iggy:s/t?lingerMs=250ms&messageExpiry=1h&connectTimeout=2s&backoff=300"
                        + "&backoffMax=1m&pollIntervalMs=0s&shutdownTimeout=5000")
                .getConfiguration();

        assertThat(c.getLingerMs()).isEqualTo(250);
        assertThat(c.getMessageExpiry()).isEqualTo(3_600_000);
        assertThat(c.getConnectTimeout()).isEqualTo(2000);
        assertThat(c.getBackoff()).isEqualTo(300);
        assertThat(c.getBackoffMax()).isEqualTo(60_000);
        assertThat(c.getPollIntervalMs()).isZero();
        assertThat(c.getShutdownTimeout()).isEqualTo(5000);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "iggy:orders          | the topic is missing",
                "iggy:orders/         | the topic is empty",
                "iggy:/created        | the stream is empty",
                "iggy:orders//created | 3 path segments",
                "iggy:a/b/c           | 3 path segments",
            })
    void refusesAPathThatIsNotStreamSlashTopic(String uri, String problem) {
        assertThatThrownBy(() -> endpoint(uri))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasMessageContaining(problem)
                .hasMessageContaining("iggy:stream/topic");
    }

    @Test
    void refusesAnUnknownOption() {
        assertThatThrownBy(() -> endpoint("iggy:s/t?batchMaxMesages=5"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasMessageContaining("batchMaxMesages");
    }

    /** Camel reads number options through its duration parser, which turns text it does not understand into 0. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "batchMaxMessages=abc  | batchMaxMessages | abc",
                "partitionId=abc       | partitionId      | abc",
                "pollIntervalMs=soon   | pollIntervalMs   | soon",
                "lingerMs=12.5         | lingerMs         | 12.5",
                "maxTopicSize=1x       | maxTopicSize     | 1x",
                "batchMaxBytes=5s      | batchMaxBytes    | 5s",
                "port=4294967297       | port             | 4294967297",
            })
    void refusesANumberOptionThatIsNotANumber(String option, String name, String value) {
        assertThatThrownBy(() -> endpoint("iggy:s/t?" + option))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasMessageContaining("Invalid Iggy option " + name)
                .hasMessageContaining("got " + value);
    }

    @Test
    void refusesAnEnumValueItDoesNotKnow() {
        assertThatThrownBy(() -> endpoint("iggy:s/t?partitioning=random"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasMessageContaining("partitioning");
    }

    // --- the component's shared configuration

    @Test
    void endpointsStartFromTheComponentsConfiguration() throws Exception {
        component.getConfiguration().setHost("iggy.internal");
        component.getConfiguration().setBatchMaxMessages(7);
        // as camel.component.iggy.* properties are bound
        IggyComponentConfigurer configurer = new IggyComponentConfigurer();
        configurer.configure(context, component, "port", "9999", false);
        configurer.configure(context, component, "username", "app", false);
        configurer.configure(context, component, "password", "secret", false);
        configurer.configure(context, component, "lingerMs", "3s", false);

        IggyConfiguration c = endpoint("iggy:s/t").getConfiguration();

        assertThat(c.getHost()).isEqualTo("iggy.internal");
        assertThat(c.getPort()).isEqualTo(9999);
        assertThat(c.getBatchMaxMessages()).isEqualTo(7);
        assertThat(c.getUsername()).isEqualTo("app");
        assertThat(c.getPassword()).isEqualTo("secret");
        assertThat(c.getLingerMs()).isEqualTo(3000);
    }

    @Test
    void endpointOptionsDoNotChangeTheComponentOrOtherEndpoints() {
        component.getConfiguration().setHost("iggy.internal");

        IggyEndpoint own = endpoint("iggy:s/t?host=elsewhere&batchMaxMessages=5&partitionKey=k");
        IggyEndpoint plain = endpoint("iggy:s/u");
        component.getConfiguration().setBatchMaxMessages(9);

        assertThat(own.getConfiguration()).isNotSameAs(component.getConfiguration());
        assertThat(own.getConfiguration().getHost()).isEqualTo("elsewhere");
        assertThat(component.getConfiguration().getHost()).isEqualTo("iggy.internal");
        assertThat(component.getConfiguration().getPartitionKey()).isNull();
        assertThat(component.getConfiguration().getStream()).isNull();
        assertThat(plain.getConfiguration().getHost()).isEqualTo("iggy.internal");
        assertThat(plain.getConfiguration().getBatchMaxMessages())
                .as("an endpoint keeps the copy it was created with")
                .isEqualTo(IggyConfiguration.DEFAULT_BATCH_MAX_MESSAGES);
        assertThat(endpoint("iggy:s/v").getConfiguration().getBatchMaxMessages())
                .isEqualTo(9);
    }

    // --- connection settings

    @Test
    void connectsAsTheDefaultRootUserOnlyWhenNoCredentialsAreSet() {
        IggyConnectionSettings settings = endpoint("iggy:s/t").connectionSettings(3);

        assertThat(settings.username()).isEqualTo("iggy");
        assertThat(settings.password()).isEqualTo("iggy");
        assertThat(settings.personalAccessToken()).isNull();
        assertThat(settings.host()).isEqualTo("localhost");
        assertThat(settings.port()).isEqualTo(8090);
        assertThat(settings.tls()).isFalse();
        assertThat(settings.trustedCertificate()).isNull();
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofMillis(5000));
        assertThat(settings.connections()).isEqualTo(3);
    }

    @Test
    void connectsWithTheConfiguredUser() {
        IggyConnectionSettings settings = endpoint("iggy:s/t?username=app&password=secret&connectTimeout=1500")
                .connectionSettings(1);

        assertThat(settings.username()).isEqualTo("app");
        assertThat(settings.password()).isEqualTo("secret");
        assertThat(settings.personalAccessToken()).isNull();
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void connectsWithAPersonalAccessTokenAndNoDefaultUser() {
        IggyConnectionSettings settings =
                endpoint("iggy:s/t?personalAccessToken=pat-123").connectionSettings(1);

        assertThat(settings.personalAccessToken()).isEqualTo("pat-123");
        assertThat(settings.username()).isNull();
        assertThat(settings.password()).isNull();
        assertThat(settings.principal()).isEqualTo("a personal access token");
    }

    @Test
    void aTokenWinsOverCredentialsInheritedFromTheComponent() {
        component.getConfiguration().setUsername("app");
        component.getConfiguration().setPassword("secret");

        IggyConnectionSettings withToken =
                endpoint("iggy:s/t?personalAccessToken=pat-123").connectionSettings(1);
        IggyConnectionSettings withoutToken = endpoint("iggy:s/u").connectionSettings(1);

        assertThat(withToken.personalAccessToken()).isEqualTo("pat-123");
        assertThat(withToken.principal()).isEqualTo("a personal access token");
        assertThat(withoutToken.personalAccessToken()).isNull();
        assertThat(withoutToken.principal()).isEqualTo("user app");
    }

    @Test
    void aTlsCertificateImpliesTls() {
        IggyConnectionSettings settings =
                endpoint("iggy:s/t?tlsCertificate=/etc/iggy/ca.pem").connectionSettings(1);

        assertThat(settings.tls()).isTrue();
        assertThat(settings.trustedCertificate()).isEqualTo(Path.of("/etc/iggy/ca.pem"));
        assertThat(settings.toString()).startsWith("tls://");
    }

    @Test
    void tlsAloneTrustsTheJvmDefaults() {
        IggyConnectionSettings settings = endpoint("iggy:s/t?tls=true").connectionSettings(1);

        assertThat(settings.tls()).isTrue();
        assertThat(settings.trustedCertificate()).isNull();
    }

    // --- topic settings

    @Test
    void topicSettingsConvertTheExpiryToMicroseconds() {
        TopicSettings settings = endpoint("iggy:s/t?partitions=4&compression=gzip&messageExpiry=2000"
                        + "&maxTopicSize=1048576&replicationFactor=2")
                .topicSettings();

        assertThat(settings.partitions()).isEqualTo(4);
        assertThat(settings.gzip()).isTrue();
        assertThat(settings.messageExpiryMicros()).isEqualTo(2_000_000L);
        assertThat(settings.maxTopicSize()).isEqualTo(1_048_576L);
        assertThat(settings.replicationFactor()).isEqualTo(2);
    }

    @Test
    void topicSettingsDefaultToTheServersDefaults() {
        TopicSettings settings = endpoint("iggy:s/t").topicSettings();

        assertThat(settings).isEqualTo(new TopicSettings(1, false, 0, 0, 0));
        assertThat(endpoint("iggy:s/t?messageExpiry=1h&compression=GZIP").topicSettings())
                .extracting(TopicSettings::messageExpiryMicros, TopicSettings::gzip)
                .containsExactly(3_600_000_000L, true);
    }

    @Test
    void noTopicSettingsWhenTheTopicIsNotToBeCreated() {
        assertThat(endpoint("iggy:s/t?autoCreateTopic=false").topicSettings()).isNull();
    }

    private IggyEndpoint endpoint(String uri) {
        return context.getEndpoint(uri, IggyEndpoint.class);
    }
}
