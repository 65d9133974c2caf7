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
package dev.iggycamel.component.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iggycamel.component.IggyConstants;
import dev.iggycamel.component.IggyEndpoint;
import dev.iggycamel.embedded.hash.Xxh32;
import dev.iggycamel.testinfra.IggyTestClient;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.iggy.message.HeaderKey;
import org.apache.iggy.message.HeaderValue;
import org.apache.iggy.message.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The producer against a real-protocol server: bodies byte for byte, batching, keys, headers, overrides. */
class IggyProducerIT extends IggyITSupport {

    private final String stream = uniqueStream();
    private IggyTestClient iggyClient;

    @BeforeEach
    void connect() {
        iggyClient = new IggyTestClient(iggy);
    }

    @AfterEach
    void cleanUp() {
        iggyClient.deleteStream(stream);
        iggyClient.deleteStream(stream + "-other");
        iggyClient.close();
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:one").to("iggy:" + stream + "/one?partitions=1");
                from("direct:keyed").to("iggy:" + stream + "/keyed?partitions=4&partitionKey=${header.device}");
                from("direct:many").to("iggy:" + stream + "/many?partitions=2&maxInFlight=2");
            }
        };
    }

    @Test
    void everyBodyTypeArrivesByteForByte() {
        byte[] allBytes = new byte[256];
        for (int i = 0; i < allBytes.length; i++) {
            allBytes[i] = (byte) i;
        }
        String unicode = "Grüße, 世界 \uD83D\uDE80";
        template.sendBody("direct:one", allBytes);
        template.sendBody("direct:one", ByteBuffer.wrap(allBytes, 10, 20));
        template.sendBody("direct:one", unicode);
        template.sendBody("direct:one", new ByteArrayInputStream(allBytes));
        template.sendBody("direct:one", 42);
        template.sendBody("direct:one", new byte[0]);

        List<Message> stored = iggyClient.all(stream, "one", 0);

        assertThat(stored).hasSize(6);
        assertThat(stored.get(0).payload()).isEqualTo(allBytes);
        assertThat(stored.get(1).payload()).isEqualTo(java.util.Arrays.copyOfRange(allBytes, 10, 30));
        assertThat(new String(stored.get(2).payload(), StandardCharsets.UTF_8)).isEqualTo(unicode);
        assertThat(stored.get(3).payload()).isEqualTo(allBytes);
        assertThat(new String(stored.get(4).payload(), StandardCharsets.UTF_8)).isEqualTo("42");
        assertThat(stored.get(5).payload()).isEmpty();
    }

    @Test
    void aListBodyIsOneSendFrame() {
        IggyEndpoint endpoint = context.getEndpoint("iggy:" + stream + "/one?partitions=1", IggyEndpoint.class);
        List<Object> batch = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            batch.add("item " + i);
        }
        long framesBefore = endpoint.getStatistics().framesSent();

        template.sendBody("direct:one", batch);

        assertThat(endpoint.getStatistics().framesSent() - framesBefore).isEqualTo(1);
        List<Message> stored = iggyClient.all(stream, "one", 0);
        assertThat(stored).hasSize(500);
        assertThat(new String(stored.get(499).payload(), StandardCharsets.UTF_8))
                .isEqualTo("item 499");
    }

    @Test
    void messagesKeysLandOnThePartitionTheServerComputes() {
        List<String> devices = List.of("test-key", "order-42", "device-1", "device-2", "sensor-7", "x");
        for (String device : devices) {
            for (int i = 0; i < 3; i++) {
                template.sendBodyAndHeader("direct:keyed", device + "#" + i, "device", device);
            }
        }
        Map<String, Integer> partitionOf = new HashMap<>();
        for (int partition = 0; partition < 4; partition++) {
            for (Message message : iggyClient.all(stream, "keyed", partition)) {
                String device = new String(message.payload(), StandardCharsets.UTF_8).split("#")[0];
                partitionOf.merge(device, partition, (a, b) -> a.equals(b) ? a : -1);
            }
        }
        for (String device : devices) {
            int expected = Integer.remainderUnsigned(Xxh32.hash(device.getBytes(StandardCharsets.UTF_8)), 4);
            assertThat(partitionOf).containsEntry(device, expected);
        }
        assertThat(partitionOf.get("test-key"))
                .as("the spec's vector: XXH32 0x966CC3E7 mod 4")
                .isEqualTo(3);
    }

    @Test
    void thePartitionHeadersWinOverTheEndpointsPartitioning() {
        template.sendBodyAndHeader("direct:keyed", "to two", IggyConstants.PARTITION_ID, 2L);
        template.sendBodyAndHeader("direct:keyed", "keyed", IggyConstants.PARTITION_KEY, "test-key");

        assertThat(iggyClient.all(stream, "keyed", 2))
                .extracting(m -> new String(m.payload(), StandardCharsets.UTF_8))
                .containsExactly("to two");
        assertThat(iggyClient.all(stream, "keyed", 3))
                .extracting(m -> new String(m.payload(), StandardCharsets.UTF_8))
                .containsExactly("keyed");
    }

    @Test
    void headersKeepTheirTypesAndTheMessageIdIsKept() {
        UUID id = UUID.randomUUID();
        Map<String, Object> headers = new HashMap<>();
        headers.put("text", "hello");
        headers.put("flag", true);
        headers.put("count", 7);
        headers.put("big", Long.MAX_VALUE);
        headers.put("ratio", 0.25d);
        headers.put("tiny", (byte) -3);
        headers.put("raw", new byte[] {1, 2, 3});
        headers.put("CamelInternal", "never sent");
        headers.put(IggyConstants.MESSAGE_ID, id);
        headers.put(IggyConstants.ORIGIN_TIMESTAMP, 123_456L);

        template.sendBodyAndHeaders("direct:one", "with headers", headers);

        Message stored = iggyClient.all(stream, "one", 0).get(0);
        Map<HeaderKey, HeaderValue> userHeaders = stored.userHeaders();
        assertThat(userHeaders).containsEntry(HeaderKey.fromString("text"), HeaderValue.fromString("hello"));
        assertThat(userHeaders).containsEntry(HeaderKey.fromString("flag"), HeaderValue.fromBool(true));
        assertThat(userHeaders).containsEntry(HeaderKey.fromString("count"), HeaderValue.fromInt32(7));
        assertThat(userHeaders).containsEntry(HeaderKey.fromString("big"), HeaderValue.fromInt64(Long.MAX_VALUE));
        assertThat(userHeaders).containsEntry(HeaderKey.fromString("ratio"), HeaderValue.fromFloat64(0.25d));
        assertThat(userHeaders).containsEntry(HeaderKey.fromString("tiny"), HeaderValue.fromInt8((byte) -3));
        assertThat(userHeaders).containsEntry(HeaderKey.fromString("raw"), HeaderValue.fromRaw(new byte[] {1, 2, 3}));
        assertThat(userHeaders.keySet()).extracting(HeaderKey::toString).doesNotContain("CamelInternal");
        assertThat(userHeaders.keySet()).hasSize(7);
        BigInteger expectedId = new BigInteger(Long.toUnsignedString(id.getMostSignificantBits()))
                .shiftLeft(64)
                .or(new BigInteger(Long.toUnsignedString(id.getLeastSignificantBits())));
        assertThat(stored.header().id().toBigInteger()).isEqualTo(expectedId);
        assertThat(stored.header().originTimestamp()).isEqualTo(BigInteger.valueOf(123_456L));
    }

    @Test
    void anUnsupportedHeaderFailsTheExchangeNamingIt() {
        assertThatThrownBy(() -> template.sendBodyAndHeader("direct:one", "x", "when", new java.util.Date()))
                .isInstanceOf(CamelExecutionException.class)
                .hasRootCauseInstanceOf(IllegalArgumentException.class)
                .rootCause()
                .hasMessageContaining("header when")
                .hasMessageContaining("java.util.Date");
        assertThat(iggyClient.all(stream, "one", 0)).isEmpty();
    }

    @Test
    void overrideHeadersSendElsewhereAndAreRemoved() {
        Map<String, Object> headers =
                Map.of(IggyConstants.OVERRIDE_STREAM, stream + "-other", IggyConstants.OVERRIDE_TOPIC, "elsewhere");

        var exchange = template.request("direct:one", e -> {
            e.getMessage().setBody("redirected");
            e.getMessage().getHeaders().putAll(headers);
        });

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeader(IggyConstants.OVERRIDE_STREAM))
                .isNull();
        assertThat(iggyClient.all(stream + "-other", "elsewhere", 0))
                .extracting(m -> new String(m.payload(), StandardCharsets.UTF_8))
                .containsExactly("redirected");
        assertThat(iggyClient.all(stream, "one", 0)).isEmpty();
    }

    @Test
    void sixteenThreadsSendingOneMessageEachAreBatchedIntoFewFrames() throws Exception {
        IggyEndpoint endpoint =
                context.getEndpoint("iggy:" + stream + "/many?partitions=2&maxInFlight=2", IggyEndpoint.class);
        ExecutorService threads = Executors.newFixedThreadPool(16);
        List<Future<?>> sends = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            int thread = t;
            sends.add(threads.submit(() -> {
                List<CompletableFuture<Object>> pending = new ArrayList<>();
                for (int i = thread; i < 1000; i += 16) {
                    pending.add(template.asyncSendBody("direct:many", "m" + i));
                }
                pending.forEach(CompletableFuture::join);
            }));
        }
        for (Future<?> send : sends) {
            send.get();
        }
        threads.shutdown();

        long frames = endpoint.getStatistics().framesSent();
        assertThat(endpoint.getStatistics().messagesSent()).isEqualTo(1000);
        assertThat(frames).as("frames for 1000 exchanges").isLessThanOrEqualTo(100);
        List<String> stored = new ArrayList<>();
        for (int partition = 0; partition < 2; partition++) {
            iggyClient
                    .all(stream, "many", partition)
                    .forEach(m -> stored.add(new String(m.payload(), StandardCharsets.UTF_8)));
        }
        assertThat(stored).hasSize(1000).doesNotHaveDuplicates();
    }
}
