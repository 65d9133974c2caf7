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

import static dev.iggycamel.kamelets.e2e.AmazonS3PipeIT.messages;
import static dev.iggycamel.kamelets.e2e.AmazonS3PipeIT.objects;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * iggy-to-minio and minio-to-iggy (the camel-kamelets minio-sink / minio-source over camel-minio and the MinIO Java
 * client 8.6) against S3Proxy in the JVM: there is no MinIO server in Debian or on Maven Central, and MinIO speaks the
 * S3 API, so the S3-compatible emulator stands in for it.
 */
class MinioPipeIT extends PipeTestSupport {

    private static final int N = 1000;

    private S3CompatibleServer s3;
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

    @Test
    @ProvesLevel(target = "minio", direction = "sink", level = 2, against = S3CompatibleServer.VERSION)
    void everyMessageBecomesAnObjectAndNothingIsCommittedWhileMinioIsDown() throws Exception {
        String stream = unique("minio");
        String bucket = unique("bucket");
        String group = "iggy-to-minio";
        client.createTopic(stream, "events", 1);
        client.send(stream, "events", 0, messages(0, N));

        Map<String, String> properties = iggyProperties("iggy-source", stream, "events");
        properties.put("iggy-source.consumerGroup", group);
        properties.put("iggy-source.backoffMax", "500");
        properties.putAll(minioProperties("minio-sink", bucket, "http://127.0.0.1:" + proxy.port()));
        long started = System.nanoTime();
        startPipe("iggy-to-minio", properties);

        await(
                Duration.ofSeconds(60),
                () -> s3.keys(bucket).size() >= N,
                () -> s3.keys(bucket).size() + " objects");
        System.out.printf(
                "%d messages -> %d MinIO objects in %d ms%n", N, N, (System.nanoTime() - started) / 1_000_000);
        assertThat(s3.objects(bucket)).containsExactlyEntriesOf(objects(0, N));
        await(
                Duration.ofSeconds(10),
                () -> client.groupOffset(stream, "events", group, 0) == N - 1,
                () -> "offset " + client.groupOffset(stream, "events", group, 0));

        // the server goes down: new messages wait in Iggy, their offsets are not committed
        proxy.down();
        client.send(stream, "events", 0, messages(N, N + 100));
        Thread.sleep(3000);
        assertThat(client.groupOffset(stream, "events", group, 0)).isEqualTo(N - 1);
        assertThat(s3.keys(bucket)).hasSize(N);

        // back on the same port: everything arrives and is committed
        proxy.up();
        await(
                Duration.ofSeconds(60),
                () -> s3.keys(bucket).size() >= N + 100,
                () -> s3.keys(bucket).size() + " objects");
        assertThat(s3.objects(bucket)).containsExactlyEntriesOf(objects(0, N + 100));
        await(
                Duration.ofSeconds(10),
                () -> client.groupOffset(stream, "events", group, 0) == N + 99,
                () -> "offset " + client.groupOffset(stream, "events", group, 0));
    }

    @Test
    @ProvesLevel(target = "minio", direction = "source", level = 2, against = S3CompatibleServer.VERSION)
    void everyObjectBecomesAMessageAndLeavesTheBucket() throws Exception {
        String stream = unique("minio");
        String bucket = unique("bucket");
        s3.createBucket(bucket);
        Map<String, String> objects = objects(0, N);
        objects.forEach((key, content) -> s3.put(bucket, key, content));

        Map<String, String> properties = iggyProperties("iggy-sink", stream, "minio-objects");
        properties.putAll(minioProperties("minio-source", bucket, s3.endpoint()));
        long started = System.nanoTime();
        startPipe("minio-to-iggy", properties);

        await(
                Duration.ofSeconds(90),
                () -> client.all(stream, "minio-objects", 0).size() >= N,
                () -> client.all(stream, "minio-objects", 0).size() + " messages");
        System.out.printf(
                "%d MinIO objects -> %d messages in %d ms%n", N, N, (System.nanoTime() - started) / 1_000_000);
        List<String> payloads = client.all(stream, "minio-objects", 0).stream()
                .map(message -> new String(message.payload(), StandardCharsets.UTF_8))
                .toList();
        assertThat(payloads).containsExactlyInAnyOrderElementsOf(objects.values());
        await(
                Duration.ofSeconds(10),
                () -> s3.keys(bucket).isEmpty(),
                () -> s3.keys(bucket).size() + " left");
        Thread.sleep(1000);
        assertThat(client.all(stream, "minio-objects", 0))
                .as("no object read twice")
                .hasSize(N);
    }

    private static Map<String, String> minioProperties(String kamelet, String bucket, String endpoint) {
        return Map.of(
                kamelet + ".bucketName",
                bucket,
                kamelet + ".endpoint",
                endpoint,
                kamelet + ".accessKey",
                S3CompatibleServer.ACCESS_KEY,
                kamelet + ".secretKey",
                S3CompatibleServer.SECRET_KEY);
    }
}
