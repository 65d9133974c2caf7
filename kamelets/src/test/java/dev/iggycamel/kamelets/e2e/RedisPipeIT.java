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
package dev.iggycamel.kamelets.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.iggy.message.HeaderKey;
import org.apache.iggy.message.HeaderValue;
import org.apache.iggy.message.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * iggy-to-redis (RPUSH to a list per key) and redis-to-iggy (pub/sub SUBSCRIBE) against Debian's redis-server 7.0
 * (started by {@code .ci/services/redis.sh}). The test's own client (Jedis) talks to Redis directly; the sink pipe
 * reaches it through a {@link TcpProxy} so that Redis can "go down" for the pipe alone.
 */
class RedisPipeIT extends PipeTestSupport {

    private static final int N = 1000;
    private static final int KEYS = 7;

    private Jedis redis;
    private final List<String> redisKeys = new ArrayList<>();
    private TcpProxy proxy;

    @BeforeEach
    void connectToRedis() {
        ExternalServer.require("redis", 6379);
        redis = new Jedis("127.0.0.1", 6379);
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (!redisKeys.isEmpty()) {
            redis.del(redisKeys.toArray(String[]::new));
        }
        redis.close();
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    @ProvesLevel(
            target = "redis",
            direction = "sink",
            level = 3,
            against = "Debian redis-server 7.0.15 on 127.0.0.1:6379 (.ci/services/redis.sh)")
    void everyMessageIsPushedToItsKeysListAndNothingIsCommittedWhileRedisIsDown() throws Exception {
        String stream = unique("redis");
        String group = "iggy-to-redis";
        List<String> keys =
                IntStream.range(0, KEYS).mapToObj(k -> stream + "-d-" + k).toList();
        keys.forEach(key -> redisKeys.add("iggy:events:" + key));
        proxy = new TcpProxy("127.0.0.1", 6379);

        client.createTopic(stream, "events", 1);
        client.send(stream, "events", 0, messages(stream, 0, N));

        Map<String, String> properties = iggyProperties("iggy-source", stream, "events");
        properties.put("iggy-source.consumerGroup", group);
        properties.put("iggy-source.backoffMax", "500");
        properties.put("redis-sink.redisPort", Integer.toString(proxy.port()));
        long start = System.nanoTime();
        startPipe("iggy-to-redis", properties);

        await(Duration.ofSeconds(60), () -> stored() >= N, () -> stored() + " of " + N);
        await(
                Duration.ofSeconds(10),
                () -> client.groupOffset(stream, "events", group, 0) == N - 1,
                () -> "offset " + client.groupOffset(stream, "events", group, 0));
        System.out.printf("iggy-to-redis: %d messages in %d ms%n", N, (System.nanoTime() - start) / 1_000_000);
        assertListsHold(stream, N);

        // Redis goes down for the pipe: new messages wait in Iggy, their offsets are not committed
        proxy.down();
        client.send(stream, "events", 0, messages(stream, N, N + 100));
        Thread.sleep(3000);
        assertThat(client.groupOffset(stream, "events", group, 0)).isEqualTo(N - 1);
        assertThat(stored()).isEqualTo(N);

        // back on the same port: everything arrives, in order per key, and is committed
        proxy.up();
        await(Duration.ofSeconds(60), () -> stored() >= N + 100, () -> stored() + " of " + (N + 100));
        await(
                Duration.ofSeconds(10),
                () -> client.groupOffset(stream, "events", group, 0) == N + 99,
                () -> "offset " + client.groupOffset(stream, "events", group, 0));
        assertListsHold(stream, N + 100);
    }

    @Test
    @ProvesLevel(
            target = "redis",
            direction = "source",
            level = 3,
            against = "Debian redis-server 7.0.15 on 127.0.0.1:6379, pub/sub (.ci/services/redis.sh)")
    void everyPublishedMessageArrivesInIggy() throws Exception {
        String stream = unique("redis");
        String channel = "iggy-it:" + stream + ":devices";

        Map<String, String> properties = iggyProperties("iggy-sink", stream, "events");
        properties.put("redis-source.channels", channel);
        startPipe("redis-to-iggy", properties);

        // pub/sub delivers only to subscribers: probe until the pipe's subscription took one
        await(
                Duration.ofSeconds(30),
                () -> {
                    redis.publish(channel, "probe");
                    return count(stream) > 0;
                },
                () -> "the pipe never subscribed to " + channel);
        int probes = count(stream);

        long start = System.nanoTime();
        for (String body : bodies(stream, 0, N)) {
            redis.publish(channel, body);
        }
        await(
                Duration.ofSeconds(60),
                () -> count(stream) >= probes + N,
                () -> (count(stream) - probes) + " of " + N + " in Iggy");
        System.out.printf("redis-to-iggy: %d messages in %d ms%n", N, (System.nanoTime() - start) / 1_000_000);
        Thread.sleep(500);
        // every message once, intact (without a key iggy-sink sends balanced: frames may overtake each other)
        assertThat(client.all(stream, "events", 0))
                .extracting(m -> new String(m.payload(), StandardCharsets.UTF_8))
                .filteredOn(body -> !body.equals("probe"))
                .containsExactlyInAnyOrderElementsOf(bodies(stream, 0, N));
    }

    /** Each key's list holds exactly its messages, in Iggy order. */
    private void assertListsHold(String stream, int count) {
        for (int k = 0; k < KEYS; k++) {
            String key = stream + "-d-" + k;
            int which = k;
            assertThat(redis.lrange("iggy:events:" + key, 0, -1))
                    .as("list of key %s", key)
                    .containsExactlyElementsOf(IntStream.range(0, count)
                            .filter(i -> i % KEYS == which)
                            .mapToObj(i -> body(stream, i))
                            .toList());
        }
        assertThat(stored()).isEqualTo(count);
    }

    private long stored() {
        return redisKeys.stream().mapToLong(redis::llen).sum();
    }

    private int count(String stream) {
        try {
            return client.all(stream, "events", 0).size();
        } catch (RuntimeException e) {
            return 0; // the pipe has not created the stream yet
        }
    }

    private static String key(String stream, int i) {
        return stream + "-d-" + (i % KEYS);
    }

    private static String body(String stream, int i) {
        return "{\"device\":\"" + key(stream, i) + "\",\"n\":" + i + "}";
    }

    private static List<String> bodies(String stream, int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> body(stream, i)).toList();
    }

    /** Iggy messages with a {@code key} header, as a keyed producer would write them. */
    private static List<Message> messages(String stream, int from, int to) {
        return IntStream.range(from, to)
                .mapToObj(i -> Message.of(
                        body(stream, i), Map.of(HeaderKey.fromString("key"), HeaderValue.fromString(key(stream, i)))))
                .toList();
    }
}
