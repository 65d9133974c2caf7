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

    private static final int N = SinkOutageScenario.N;

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
        DeviceMessages devices = new DeviceMessages(stream + "-d-");
        IntStream.range(0, DeviceMessages.KEYS).forEach(k -> redisKeys.add("iggy:events:" + devices.key(k)));
        proxy = new TcpProxy("127.0.0.1", 6379);

        // after the outage everything arrives, in order per key
        new SinkOutageScenario(this, "iggy-to-redis", stream)
                .sending(devices::keyed)
                .sinkProperty("redis-sink.redisPort", Integer.toString(proxy.port()))
                .outage(proxy)
                .arrivedCount(this::stored)
                .assertArrived(count -> assertListsHold(devices, count))
                .run();
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
        DeviceMessages devices = new DeviceMessages(stream + "-d-");

        Map<String, String> properties = iggyProperties("iggy-sink", stream, "events");
        properties.put("redis-source.channels", channel);
        startPipe("redis-to-iggy", properties);

        // pub/sub delivers only to subscribers: probe until the pipe's subscription took one
        await(
                Duration.ofSeconds(30),
                () -> {
                    redis.publish(channel, "probe");
                    return countInIggy(stream, "events", 1) > 0;
                },
                () -> "the pipe never subscribed to " + channel);
        int probes = countInIggy(stream, "events", 1);

        long start = System.nanoTime();
        for (String body : devices.bodies(0, N)) {
            redis.publish(channel, body);
        }
        await(
                Duration.ofSeconds(60),
                () -> countInIggy(stream, "events", 1) >= probes + N,
                () -> (countInIggy(stream, "events", 1) - probes) + " of " + N + " in Iggy");
        System.out.printf("redis-to-iggy: %d messages in %d ms%n", N, (System.nanoTime() - start) / 1_000_000);
        Thread.sleep(500);
        // every message once, intact (without a key iggy-sink sends balanced: frames may overtake each other)
        assertThat(client.all(stream, "events", 0))
                .extracting(m -> new String(m.payload(), StandardCharsets.UTF_8))
                .filteredOn(body -> !body.equals("probe"))
                .containsExactlyInAnyOrderElementsOf(devices.bodies(0, N));
    }

    /** Each key's list holds exactly its messages among the first {@code count}, in Iggy order. */
    private void assertListsHold(DeviceMessages devices, int count) {
        for (int k = 0; k < DeviceMessages.KEYS; k++) {
            String key = devices.key(k);
            assertThat(redis.lrange("iggy:events:" + key, 0, -1))
                    .as("list of key %s", key)
                    .containsExactlyElementsOf(devices.bodiesOfKey(key, count));
        }
        assertThat(stored()).isEqualTo(count);
    }

    private long stored() {
        return redisKeys.stream().mapToLong(redis::llen).sum();
    }
}
