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
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.camel.ResolveEndpointFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The options' defaults, the copy an endpoint gets, and the checks an endpoint's options pass when it is created. */
class IggyConfigurationTest extends FakeTransportCamelTest {

    @Test
    void defaults() {
        IggyConfiguration c = new IggyConfiguration();

        assertThat(c.getHost()).isEqualTo("localhost");
        assertThat(c.getPort()).isEqualTo(8090);
        assertThat(c.getBatchMaxMessages()).isEqualTo(1000);
        assertThat(c.getBatchMaxBytes()).isEqualTo(1024 * 1024);
        assertThat(c.getMaxInFlight()).isEqualTo(4);
        assertThat(c.getLingerMs()).isZero();
        assertThat(c.getPartitioning()).isEqualTo(IggyPartitioning.balanced);
        assertThat(c.getHeaderPolicy()).isEqualTo(IggyHeaderPolicy.fail);
        assertThat(c.getCommitMode()).isEqualTo(IggyCommitMode.afterProcessing);
        assertThat(c.getPollingStrategy()).isEqualTo(IggyPollingStrategy.next);
        assertThat(c.getCompression()).isEqualTo("none");
        assertThat(c.isAutoCreateStream()).isTrue();
        assertThat(c.isAutoCreateTopic()).isTrue();
        assertThat(c.getUsername()).isNull();
        assertThat(c.getPassword()).isNull();
    }

    @Test
    void theDefaultsPassTheChecks() {
        IggyConfiguration c = new IggyConfiguration();
        c.setStream("s");
        c.setTopic("t");

        assertThatCode(() -> IggyConfigurationValidator.validate(c)).doesNotThrowAnyException();
    }

    @Test
    void aCopyIsIndependent() {
        IggyConfiguration original = new IggyConfiguration();
        original.setHost("iggy.internal");
        original.setPartitionId(3L);

        IggyConfiguration copy = original.copy();
        copy.setHost("elsewhere");
        copy.setPartitionId(5L);
        copy.setBatchMaxMessages(1);

        assertThat(copy).isNotSameAs(original);
        assertThat(original.getHost()).isEqualTo("iggy.internal");
        assertThat(original.getPartitionId()).isEqualTo(3L);
        assertThat(original.getBatchMaxMessages()).isEqualTo(1000);
        assertThat(original.copy().getHost()).isEqualTo("iggy.internal");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "batchMaxMessages=-1        | batchMaxMessages  | must be positive, got -1",
                "batchMaxMessages=0         | batchMaxMessages  | must be positive, got 0",
                "batchMaxBytes=0            | batchMaxBytes     | must be positive",
                "maxInFlight=0              | maxInFlight       | must be positive, got 0",
                "maxInFlight=-3             | maxInFlight       | must be positive, got -3",
                "pollBatchSize=0            | pollBatchSize     | must be positive",
                "consumersCount=0           | consumersCount    | must be positive",
                "consumersCount=-1          | consumersCount    | must be positive",
                "port=0                     | port              | must be 1-65535, got 0",
                "port=65536                 | port              | must be 1-65535, got 65536",
                "partitions=1001            | partitions        | must be 0-1000, got 1001",
                "partitions=-1              | partitions        | must be 0-1000",
                "compression=zstd           | compression       | must be none or gzip, got zstd",
                "lingerMs=-1                | lingerMs          | must not be negative",
                "connectTimeout=0           | connectTimeout    | must be positive",
                "backoff=0                  | backoff           | must be positive",
                "backoff=500&backoffMax=100 | backoffMax        | must be at least backoff (500)",
                "replicationFactor=256      | replicationFactor | must be 0-255",
                "messageExpiry=-1           | messageExpiry     | must not be negative",
                "partitionId=-1             | partitionId       | must be a partition number",
                "partitionId=4294967296     | partitionId       | must be a partition number",
                "pollIntervalMs=-5          | pollIntervalMs    | must not be negative",
                "consumerPartitions=a,b     | consumerPartitions | a is not a partition number",
                "consumerPartitions=,       | consumerPartitions | no partition",
            })
    void refusesAnInvalidValueNamingTheOption(String options, String option, String problem) {
        assertThatThrownBy(() -> endpoint("iggy:s/t?" + options))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasMessageContaining("Invalid Iggy option " + option + ": " + problem);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "consumerGroup=g&consumerName=n                | consumerGroup       | consumerName",
                "partitionId=1&partitionKey=k                  | partitionId         | partitionKey",
                "partitioning=partitionId                      | partitioning        | partitionId option is not set",
                "partitioning=messagesKey                      | partitioning        | partitionKey option is not set",
                "partitionId=1&partitioning=messagesKey        | partitionId         | partitioning=messagesKey",
                "partitionKey=k&partitioning=partitionId       | partitionKey        | partitioning=partitionId",
                "username=u                                    | password            | username and password go together",
                "password=p                                    | username            | username and password go together",
                "consumerGroup=g&consumerPartitions=0,1        | consumerPartitions  | consumerName",
                "batching=true&commitMode=manual               | batching            | commitMode=manual",
                "pollingStrategy=timestamp                     | startTimestamp      | pollingStrategy=timestamp",
                "pollingStrategy=offset&startOffset=-1         | startOffset         | must not be negative",
            })
    void refusesConflictingOptionsNamingThem(String options, String option, String other) {
        assertThatThrownBy(() -> endpoint("iggy:s/t?" + options))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasMessageContaining("Invalid Iggy option " + option)
                .hasMessageContaining(other);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "partitionId=3",
                "partitionId=0&partitioning=partitionId",
                "partitionKey=device-7&partitioning=messagesKey",
                "partitionKey=${header.device}",
                "consumerName=audit&consumerPartitions=0,2",
                "consumerGroup=billing&consumersCount=4",
                "batching=true&commitMode=onPoll",
                "pollingStrategy=timestamp&startTimestamp=1700000000000",
                "pollingStrategy=offset&startOffset=42",
                "personalAccessToken=pat",
                // a token wins over username and password, which may be inherited from the component
                "personalAccessToken=pat&username=app&password=secret",
                "personalAccessToken=pat&username=app",
                "username=app&password=secret",
                "partitions=1000&replicationFactor=255&port=65535",
                "partitions=0",
                "lingerMs=0&pollIntervalMs=0&shutdownTimeout=0",
            })
    void acceptsConsistentOptions(String options) {
        assertThatCode(() -> endpoint("iggy:s/t?" + options)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "iggy:strëam/topic | stream | must be ASCII",
                "iggy:stream/tøpic | topic  | must be ASCII",
            })
    void refusesNonAsciiNames(String uri, String option, String problem) {
        assertThatThrownBy(() -> endpoint(uri))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasMessageContaining("Invalid Iggy option " + option + ": " + problem);
    }

    @Test
    void refusesNamesOver255Bytes() {
        assertThatThrownBy(() -> endpoint("iggy:" + "s".repeat(256) + "/t"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasMessageContaining("Invalid Iggy option stream: must be 1-255 bytes, got 256");
        assertThatCode(() -> endpoint("iggy:" + "s".repeat(255) + "/t")).doesNotThrowAnyException();
    }

    @Test
    void checksTheComponentsOptionsOnEachEndpoint() {
        context.getComponent("iggy", IggyComponent.class).getConfiguration().setMaxInFlight(0);

        assertThatThrownBy(() -> endpoint("iggy:s/t"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasMessageContaining("Invalid Iggy option maxInFlight");
        assertThatCode(() -> endpoint("iggy:s/t?maxInFlight=2")).doesNotThrowAnyException();
    }

    private IggyEndpoint endpoint(String uri) {
        return context.getEndpoint(uri, IggyEndpoint.class);
    }
}
