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
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The two scenarios of a pipe to or from an S3-compatible object store, against S3Proxy in the JVM
 * ({@link S3CompatibleServer}) with a {@link TcpProxy} in front for the sink: every message becomes an object named by
 * its file header ({@link FileMessages}), nothing is committed while the store is down; every object of a bucket
 * becomes a message and leaves the bucket.
 */
abstract class S3CompatiblePipeTestSupport extends PipeTestSupport {

    static final int N = SinkOutageScenario.N;

    S3CompatibleServer s3;
    private TcpProxy proxy;

    @BeforeEach
    void startS3() throws Exception {
        s3 = new S3CompatibleServer();
        proxy = new TcpProxy("127.0.0.1", s3.port());
    }

    @AfterEach
    void stopS3() throws Exception {
        proxy.close();
        s3.close();
    }

    /**
     * Runs the sink pipe through the proxy: one object per message, none while the store is down, then the rest.
     * {@code sinkProperties} gives the sink Kamelet's properties for a bucket and an endpoint URL.
     */
    void sinkScenario(String pipe, BiFunction<String, String, Map<String, String>> sinkProperties) throws Exception {
        String bucket = unique("bucket");
        new SinkOutageScenario(this, pipe, unique(pipe))
                .sending(FileMessages::messages)
                .sinkProperties(sinkProperties.apply(bucket, "http://127.0.0.1:" + proxy.port()))
                .outage(proxy)
                .arrivedCount(() -> s3.keys(bucket).size())
                .assertArrived(
                        count -> assertThat(s3.objects(bucket)).containsExactlyEntriesOf(FileMessages.files(0, count)))
                .run();
    }

    /**
     * Runs the source pipe over a bucket of N objects: each arrives in the Iggy topic as a message holding its content,
     * within the timeout, and is deleted from the bucket once Iggy stored it; none is read twice.
     * {@code sourceProperties} gives the source Kamelet's properties for a bucket and an endpoint URL.
     */
    void sourceScenario(
            String pipe,
            String topic,
            BiFunction<String, String, Map<String, String>> sourceProperties,
            Duration timeout)
            throws Exception {
        String stream = unique(pipe);
        String bucket = unique("bucket");
        s3.createBucket(bucket);
        Map<String, String> objects = FileMessages.files(0, N);
        objects.forEach((key, content) -> s3.put(bucket, key, content));

        Map<String, String> properties = iggyProperties("iggy-sink", stream, topic);
        properties.putAll(sourceProperties.apply(bucket, s3.endpoint()));
        long started = System.nanoTime();
        startPipe(pipe, properties);

        List<String> payloads = awaitInIggy(stream, topic, N, timeout).stream()
                .map(message -> new String(message.payload(), StandardCharsets.UTF_8))
                .toList();
        System.out.printf("%s: %d objects in %d ms%n", pipe, N, (System.nanoTime() - started) / 1_000_000);
        assertThat(payloads).containsExactlyInAnyOrderElementsOf(objects.values());
        // an object is deleted once Iggy stored it
        await(
                Duration.ofSeconds(10),
                () -> s3.keys(bucket).isEmpty(),
                () -> s3.keys(bucket).size() + " left");
        Thread.sleep(1000);
        assertThat(client.all(stream, topic, 0)).as("no object read twice").hasSize(N);
    }
}
