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
package dev.iggycamel.component.transport.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iggycamel.component.IggyHeaderMapper;
import dev.iggycamel.component.transport.ConsumerRef;
import dev.iggycamel.component.transport.IggyConnection;
import dev.iggycamel.component.transport.IggyConnectionSettings;
import dev.iggycamel.component.transport.IggyHeaderValue;
import dev.iggycamel.component.transport.IggyMessageId;
import dev.iggycamel.component.transport.IggyTransport;
import dev.iggycamel.component.transport.InboundMessage;
import dev.iggycamel.component.transport.OutboundMessage;
import dev.iggycamel.component.transport.OutboundPartitioning;
import dev.iggycamel.component.transport.PolledBatch;
import dev.iggycamel.component.transport.PollingStart;
import dev.iggycamel.component.transport.TopicAddress;
import dev.iggycamel.component.transport.TopicSettings;
import dev.iggycamel.component.transport.sdk.SdkIggyTransport;
import dev.iggycamel.testinfra.IggyService;
import dev.iggycamel.testinfra.IggyServiceFactory;
import dev.iggycamel.testinfra.IggyTestClient;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The native transport speaks exactly as the Iggy Java SDK 0.8.0 does: the same calls through both transports, via
 * a proxy that records the request frames, give byte-identical frames (logins aside: each client names itself);
 * and messages polled through both decode to the same values.
 */
class NativeTransportWireIT {

    @RegisterExtension
    static IggyService iggy = IggyServiceFactory.createSingletonService();

    /** LOGIN_USER, LOGIN_WITH_PERSONAL_ACCESS_TOKEN (client names differ), GET_ME (the SDK transport's check). */
    private static final Set<Integer> NOT_COMPARED = Set.of(38, 44, 20);

    private final String stream = "wire-" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void deleteStream() {
        try (IggyTestClient client = new IggyTestClient(iggy)) {
            client.deleteStream(stream);
        }
    }

    @Test
    void everyRequestIsTheBytesTheSdkSends() throws Exception {
        List<RecordingProxy.Frame> sdk = record(new SdkIggyTransport());
        deleteStream();
        List<RecordingProxy.Frame> own = record(new TcpIggyTransport());

        assertThat(own.stream().map(RecordingProxy.Frame::command).toList())
                .containsSubsequence(202, 302, 602, 604, 101, 101, 101, 101, 100, 100, 121, 120, 605, 1);
        assertThat(own).hasSameSizeAs(sdk);
        for (int i = 0; i < sdk.size(); i++) {
            assertThat(own.get(i).bytes())
                    .as("frame %d (command %d)", i, sdk.get(i).command())
                    .isEqualTo(sdk.get(i).bytes());
        }
    }

    @Test
    void polledMessagesDecodeToWhatTheSdkDecodes() throws Exception {
        TopicAddress address = new TopicAddress(stream, "t");
        IggyConnection sdk = connect(new SdkIggyTransport(), iggy.port());
        IggyConnection own = connect(new TcpIggyTransport(), iggy.port());
        try {
            await(own.ensureTopic(address, true, new TopicSettings(1, false, 0, 0, 0)));
            List<OutboundMessage> sent = messages();
            await(own.send(address, OutboundPartitioning.partitionId(0), sent));
            await(sdk.send(address, OutboundPartitioning.partitionId(0), sent));

            PolledBatch bySdk =
                    await(sdk.poll(address, ConsumerRef.single("reader"), 0, PollingStart.offset(0), 100, false));
            PolledBatch byOwn =
                    await(own.poll(address, ConsumerRef.single("reader"), 0, PollingStart.offset(0), 100, false));

            assertThat(byOwn.partitionId()).isEqualTo(bySdk.partitionId()).isZero();
            assertThat(byOwn.currentOffset()).isEqualTo(bySdk.currentOffset()).isEqualTo(2L * sent.size() - 1);
            assertThat(byOwn.messages()).hasSize(2 * sent.size()).hasSameSizeAs(bySdk.messages());
            for (int i = 0; i < bySdk.messages().size(); i++) {
                InboundMessage expected = bySdk.messages().get(i);
                InboundMessage actual = byOwn.messages().get(i);
                assertThat(actual.offset()).isEqualTo(expected.offset()).isEqualTo(i);
                assertThat(actual.timestamp()).isEqualTo(expected.timestamp()).isPositive();
                assertThat(actual.originTimestamp()).isEqualTo(expected.originTimestamp());
                assertThat(actual.id()).isEqualTo(expected.id());
                assertThat(actual.checksum()).isEqualTo(expected.checksum());
                assertThat(actual.payload()).isEqualTo(expected.payload());
                assertThat(actual.headers()).isEqualTo(expected.headers());
                OutboundMessage original = sent.get(i % sent.size());
                assertThat(actual.payload()).isEqualTo(original.payload());
                assertThat(actual.headers()).isEqualTo(original.headers());
                assertThat(actual.originTimestamp()).isEqualTo(original.originTimestamp());
                if (original.id() != null) {
                    assertThat(actual.id()).isEqualTo(original.id());
                }
            }
        } finally {
            await(sdk.close());
            await(own.close());
        }
    }

    /** One of every request the component sends, through the transport, as the proxy saw them. */
    private List<RecordingProxy.Frame> record(IggyTransport transport) throws Exception {
        try (RecordingProxy proxy = new RecordingProxy(iggy.host(), iggy.port())) {
            IggyConnection connection = connect(transport, proxy.port());
            TopicAddress address = new TopicAddress(stream, "t");
            await(connection.ensureTopic(address, true, new TopicSettings(3, false, 60_000_000L, 0, 0)));
            await(connection.ensureTopic(address, true, new TopicSettings(3, false, 0, 0, 0)));
            await(connection.ensureGroup(address, "g", true));
            await(connection.joinGroup(address, "g"));
            List<OutboundMessage> messages = messages();
            await(connection.send(address, OutboundPartitioning.balanced(), messages));
            await(connection.send(address, OutboundPartitioning.partitionId(1), messages));
            await(connection.send(
                    address, OutboundPartitioning.messagesKey("device-7".getBytes(StandardCharsets.UTF_8)), messages));
            // the first stream and topic: numeric ids 0
            await(connection.send(new TopicAddress(stream, "0"), OutboundPartitioning.balanced(), messages));
            await(connection.poll(address, ConsumerRef.group("g"), -1, PollingStart.next(), 10, false));
            await(connection.poll(address, ConsumerRef.single("solo"), 0, PollingStart.offset(2), 5, true));
            await(connection.poll(address, ConsumerRef.single("7"), 1, PollingStart.timestamp(123_456_789L), 5, false));
            await(connection.poll(address, ConsumerRef.single("solo"), 2, PollingStart.first(), 3, false));
            await(connection.poll(address, ConsumerRef.single("solo"), 2, PollingStart.last(), 3, false));
            await(connection.storeOffset(address, ConsumerRef.single("solo"), 0, 3));
            assertThat(await(connection.storedOffset(address, ConsumerRef.single("solo"), 0)))
                    .hasValue(3);
            await(connection.leaveGroup(address, "g"));
            await(connection.ping());
            await(connection.close());
            return proxy.frames().stream()
                    .filter(frame -> !NOT_COMPARED.contains(frame.command()))
                    .toList();
        }
    }

    /** Messages with and without ids, origin timestamps and typed user headers; payloads from 1 B to 10 KB. */
    private static List<OutboundMessage> messages() {
        Map<String, IggyHeaderValue> headers = new LinkedHashMap<>();
        headers.put("device", IggyHeaderMapper.encode("sensor-17"));
        headers.put("reading", IggyHeaderMapper.encode(4217L));
        headers.put("count", IggyHeaderMapper.encode(3));
        headers.put("valid", IggyHeaderMapper.encode(Boolean.TRUE));
        headers.put("ratio", IggyHeaderMapper.encode(0.25d));
        headers.put("big", IggyHeaderMapper.encode(new BigInteger("123456789012345678901234567890")));
        headers.put("raw", IggyHeaderMapper.encode(new byte[] {0, 1, 2, (byte) 255}));
        headers.put("grüße", IggyHeaderMapper.encode("ünïcødé"));
        byte[] large = new byte[10_000];
        Arrays.fill(large, (byte) 'x');
        List<OutboundMessage> messages = new ArrayList<>();
        messages.add(new OutboundMessage(bytes("a"), Map.of(), null, 0));
        messages.add(new OutboundMessage(bytes("with headers"), headers, null, 1_763_000_000_000_001L));
        messages.add(new OutboundMessage(
                bytes("with a uuid"),
                Map.of(),
                IggyMessageId.of(UUID.fromString("0f0e0d0c-0b0a-0908-0706-050403020100")),
                7));
        messages.add(new OutboundMessage(
                bytes("with a number id"), headers, IggyMessageId.of(new BigInteger("18446744073709551617")), 0));
        messages.add(new OutboundMessage(large, Map.of(), null, Long.MAX_VALUE));
        return messages;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static IggyConnection connect(IggyTransport transport, int port) throws Exception {
        return await(transport.connect(new IggyConnectionSettings(
                iggy.host(), port, iggy.username(), iggy.password(), null, false, null, Duration.ofSeconds(5), 1)));
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(20, TimeUnit.SECONDS);
    }
}
