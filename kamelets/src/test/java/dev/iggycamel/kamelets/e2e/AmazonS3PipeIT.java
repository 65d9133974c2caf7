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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.iggy.message.HeaderKey;
import org.apache.iggy.message.HeaderValue;
import org.apache.iggy.message.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * iggy-to-s3 and s3-to-iggy (the camel-kamelets aws-s3-sink / aws-s3-source over camel-aws2-s3 and the AWS SDK v2)
 * against S3Proxy in the JVM, an S3-compatible emulator: one object per message, named by the message's file header.
 */
class AmazonS3PipeIT extends PipeTestSupport {

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
    @ProvesLevel(target = "amazon-s3", direction = "sink", level = 2, against = S3CompatibleServer.VERSION)
    void everyMessageBecomesAnObjectAndNothingIsCommittedWhileS3IsDown() throws Exception {
        String stream = unique("s3");
        String bucket = unique("bucket");
        String group = "iggy-to-s3";
        client.createTopic(stream, "events", 1);
        client.send(stream, "events", 0, messages(0, N));

        Map<String, String> properties = iggyProperties("iggy-source", stream, "events");
        properties.put("iggy-source.consumerGroup", group);
        properties.put("iggy-source.backoffMax", "500");
        properties.putAll(s3Properties("aws-s3-sink", bucket, "http://127.0.0.1:" + proxy.port()));
        long started = System.nanoTime();
        startPipe("iggy-to-s3", properties);

        await(
                Duration.ofSeconds(60),
                () -> s3.keys(bucket).size() >= N,
                () -> s3.keys(bucket).size() + " objects");
        System.out.printf("%d messages -> %d S3 objects in %d ms%n", N, N, (System.nanoTime() - started) / 1_000_000);
        assertThat(s3.objects(bucket)).containsExactlyEntriesOf(objects(0, N));
        await(
                Duration.ofSeconds(10),
                () -> client.groupOffset(stream, "events", group, 0) == N - 1,
                () -> "offset " + client.groupOffset(stream, "events", group, 0));

        // S3 goes down: new messages wait in Iggy, their offsets are not committed
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
    @ProvesLevel(target = "amazon-s3", direction = "source", level = 2, against = S3CompatibleServer.VERSION)
    void everyObjectBecomesAMessageAndLeavesTheBucket() throws Exception {
        String stream = unique("s3");
        String bucket = unique("bucket");
        s3.createBucket(bucket);
        Map<String, String> objects = objects(0, N);
        objects.forEach((key, content) -> s3.put(bucket, key, content));

        Map<String, String> properties = iggyProperties("iggy-sink", stream, "s3-objects");
        properties.putAll(s3Properties("aws-s3-source", bucket, s3.endpoint()));
        long started = System.nanoTime();
        startPipe("s3-to-iggy", properties);

        await(
                Duration.ofSeconds(60),
                () -> client.all(stream, "s3-objects", 0).size() >= N,
                () -> client.all(stream, "s3-objects", 0).size() + " messages");
        System.out.printf("%d S3 objects -> %d messages in %d ms%n", N, N, (System.nanoTime() - started) / 1_000_000);
        List<String> payloads = client.all(stream, "s3-objects", 0).stream()
                .map(message -> new String(message.payload(), StandardCharsets.UTF_8))
                .toList();
        assertThat(payloads).containsExactlyInAnyOrderElementsOf(objects.values());
        // an object is deleted once Iggy stored it
        await(
                Duration.ofSeconds(10),
                () -> s3.keys(bucket).isEmpty(),
                () -> s3.keys(bucket).size() + " left");
        Thread.sleep(1000);
        assertThat(client.all(stream, "s3-objects", 0))
                .as("no object read twice")
                .hasSize(N);
    }

    static Map<String, String> s3Properties(String kamelet, String bucket, String endpoint) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(kamelet + ".bucketNameOrArn", bucket);
        properties.put(kamelet + ".region", S3CompatibleServer.REGION);
        properties.put(kamelet + ".accessKey", S3CompatibleServer.ACCESS_KEY);
        properties.put(kamelet + ".secretKey", S3CompatibleServer.SECRET_KEY);
        properties.put(kamelet + ".uriEndpointOverride", endpoint);
        return properties;
    }

    /** Object name to content: msg-0000.json holds {"n":0}. */
    static Map<String, String> objects(int from, int to) {
        Map<String, String> objects = new LinkedHashMap<>();
        IntStream.range(from, to).forEach(i -> objects.put(String.format("msg-%04d.json", i), "{\"n\":" + i + "}"));
        return objects;
    }

    /** Iggy messages carrying the objects: the content as payload, the name in the header file. */
    static List<Message> messages(int from, int to) {
        return objects(from, to).entrySet().stream()
                .map(entry -> Message.of(
                        entry.getValue(), Map.of(HeaderKey.fromString("file"), HeaderValue.fromString(entry.getKey()))))
                .toList();
    }
}
