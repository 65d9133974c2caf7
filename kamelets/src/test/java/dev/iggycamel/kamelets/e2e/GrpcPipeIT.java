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

import com.google.protobuf.ByteString;
import dev.iggycamel.kamelets.grpc.Ack;
import dev.iggycamel.kamelets.grpc.Record;
import dev.iggycamel.kamelets.grpc.RecordsGrpc;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Server;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.iggy.message.HeaderKey;
import org.apache.iggy.message.HeaderValue;
import org.apache.iggy.message.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * iggy-to-grpc and grpc-to-iggy (this project's grpc-sink / grpc-source over camel-grpc, with the generic Records
 * service of iggy_records.proto) against a grpc-java 1.78 server in the JVM, and with a grpc-java client.
 */
class GrpcPipeIT extends PipeTestSupport {

    private static final int N = 1000;
    private static final int KEYS = 10;
    private static final String AGAINST = "grpc-java 1.78.0 (Netty) server and client, in-JVM";

    private final List<Record> received = Collections.synchronizedList(new ArrayList<>());
    private Server server;
    private ManagedChannel channel;

    @AfterEach
    void stopGrpc() throws Exception {
        if (channel != null) {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
        if (server != null) {
            server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    @Test
    @ProvesLevel(target = "grpc", direction = "sink", level = 3, against = AGAINST)
    void everyMessageIsSentAsACallAndNothingIsCommittedWhileTheServerIsDown() throws Exception {
        server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                .addService(new RecordsGrpc.RecordsImplBase() {
                    @Override
                    public void send(Record record, StreamObserver<Ack> answer) {
                        received.add(record);
                        answer.onNext(Ack.getDefaultInstance());
                        answer.onCompleted();
                    }
                })
                .build()
                .start();
        // the channel reconnects after the outage, and everything arrives in order
        try (TcpProxy proxy = new TcpProxy("127.0.0.1", server.getPort())) {
            new SinkOutageScenario(this, "iggy-to-grpc", unique("grpc"))
                    .sending(GrpcPipeIT::messages)
                    .sinkProperty("grpc-sink.host", "127.0.0.1")
                    .sinkProperty("grpc-sink.port", Integer.toString(proxy.port()))
                    .outage(proxy)
                    .arrivedCount(received::size)
                    .assertArrived(
                            count -> assertThat(describe(received)).containsExactlyElementsOf(expected(0, count)))
                    .run();
        }
    }

    @Test
    @ProvesLevel(target = "grpc", direction = "source", level = 3, against = AGAINST)
    void everyCallAnsweredIsStoredInIggyWithItsKeyAndHeaders() throws Exception {
        String stream = unique("grpc");
        client.createTopic(stream, "grpc-records", 3);
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Map<String, String> properties = iggyProperties("iggy-sink", stream, "grpc-records");
        properties.put("grpc-source.host", "127.0.0.1");
        properties.put("grpc-source.port", Integer.toString(port));
        startPipe("grpc-to-iggy", properties);

        channel = ManagedChannelBuilder.forAddress("127.0.0.1", port)
                .usePlaintext()
                .build();
        RecordsGrpc.RecordsBlockingStub stub = RecordsGrpc.newBlockingStub(channel);
        long started = System.nanoTime();
        for (int i = 0; i < N; i++) {
            stub.withDeadlineAfter(10, TimeUnit.SECONDS)
                    .send(Record.newBuilder()
                            .setPayload(ByteString.copyFromUtf8(body(i)))
                            .setKey(key(i))
                            .putHeaders("file", name(i))
                            .build());
        }
        System.out.printf("%d gRPC calls stored in Iggy in %d ms%n", N, (System.nanoTime() - started) / 1_000_000);

        // answered means stored: all of them are in Iggy now, each key on one partition, in order
        Map<String, Integer> partitionOfKey = KeyedArrival.assertKeyedInOrder(
                KeyedArrival.inIggy(
                        byPartition(stream, "grpc-records", 3),
                        "key",
                        message -> message.userHeaders()
                                        .get(HeaderKey.fromString("file"))
                                        .asString()
                                + " " + KeyedArrival.payload(message)),
                IntStream.range(0, N)
                        .mapToObj(i -> new KeyedArrival.Sent(key(i), name(i) + " " + body(i)))
                        .toList());
        assertThat(partitionOfKey.values().stream().distinct().count()).isGreaterThan(1);
    }

    private static String key(int i) {
        return "customer-" + (i % KEYS);
    }

    private static String name(int i) {
        return String.format("msg-%04d.json", i);
    }

    private static String body(int i) {
        return "{\"n\":" + i + "}";
    }

    /** Iggy messages with a key header and a file header. */
    private static List<Message> messages(int from, int to) {
        return IntStream.range(from, to)
                .mapToObj(i -> Message.of(
                        body(i),
                        Map.of(
                                HeaderKey.fromString("key"), HeaderValue.fromString(key(i)),
                                HeaderKey.fromString("file"), HeaderValue.fromString(name(i)))))
                .toList();
    }

    private static List<String> expected(int from, int to) {
        return IntStream.range(from, to)
                .mapToObj(i -> key(i) + " | " + name(i) + " | " + body(i))
                .toList();
    }

    private static List<String> describe(List<Record> records) {
        synchronized (records) {
            return records.stream()
                    .map(r -> r.getKey() + " | " + r.getHeadersOrDefault("file", "?") + " | "
                            + r.getPayload().toStringUtf8())
                    .toList();
        }
    }
}
