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

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * iggy-to-mongodb (camel-kamelets mongodb-sink) and mongodb-to-iggy (mongodb-changes-stream-source) against
 * mongo-java-server, a MongoDB wire-protocol fake started in the JVM (in memory, with its oplog for change streams;
 * Debian 12 packages no mongod). The sink reaches it through a TcpProxy so the test can cut it off.
 */
class MongodbPipeIT extends PipeTestSupport {

    private static final int N = SinkOutageScenario.N;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static MongoServer server;
    private static InetSocketAddress address;
    private static MongoClient mongo;

    @BeforeAll
    static void startMongo() {
        MemoryBackend backend = new MemoryBackend();
        backend.enableOplog(); // change streams read the oplog
        server = new MongoServer(backend);
        address = server.bind();
        mongo = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
    }

    @AfterAll
    static void stopMongo() {
        if (mongo != null) {
            mongo.close();
        }
        if (server != null) {
            server.shutdownNow();
        }
    }

    private static MongoCollection<Document> collection(String name) {
        return mongo.getDatabase("iggy").getCollection(name);
    }

    private static int count(String name) {
        return (int) collection(name).countDocuments();
    }

    private static List<String> rows(String name) {
        List<String> rows = new ArrayList<>();
        for (Document document : collection(name).find().sort(Sorts.ascending("n"))) {
            rows.add(document.getInteger("n") + "|" + document.getString("name"));
        }
        return rows;
    }

    @Test
    @ProvesLevel(
            target = "mongodb",
            direction = "sink",
            level = 2,
            against = "mongo-java-server 1.47.0 (MongoDB wire-protocol fake, in-JVM, in memory) behind a TcpProxy")
    void everyMessageBecomesADocumentAndNothingIsCommittedWhileMongodbIsDown() throws Exception {
        String name = uniqueTableName("iggy_sink");
        try (TcpProxy proxy = new TcpProxy("127.0.0.1", address.getPort())) {
            new SinkOutageScenario(this, "iggy-to-mongodb", unique("mongodb"))
                    .sending(RowMessages::messages)
                    // a connection string may follow the hosts: fail an insert after 1 s without a server (default 30
                    // s)
                    .sinkProperty("mongodb-sink.hosts", "127.0.0.1:" + proxy.port() + "/?serverSelectionTimeoutMS=1000")
                    .sinkProperty("mongodb-sink.database", "iggy")
                    .sinkProperty("mongodb-sink.collection", name)
                    .outage(proxy)
                    .arrivedCount(() -> count(name))
                    .assertArrived(
                            count -> assertThat(rows(name)).containsExactlyElementsOf(RowMessages.expectedRows(count)))
                    .run();
        }
    }

    @Test
    @ProvesLevel(
            target = "mongodb",
            direction = "source",
            level = 2,
            against = "mongo-java-server 1.47.0 (MongoDB wire-protocol fake, in-JVM, in memory, oplog enabled)")
    void everyInsertedDocumentArrivesInIggyAsJson() throws Exception {
        String name = uniqueTableName("iggy_source");
        String stream = unique("mongodb");
        // the Kamelet's consumer never creates the collection: it must exist before the pipe starts
        mongo.getDatabase("iggy").createCollection(name);

        Map<String, String> properties = iggyProperties("iggy-sink", stream, "events");
        properties.put("mongodb-changes-stream-source.hosts", "127.0.0.1:" + address.getPort());
        properties.put("mongodb-changes-stream-source.database", "iggy");
        properties.put("mongodb-changes-stream-source.collection", name);
        startPipe("mongodb-to-iggy", properties);

        // a change stream delivers only what changes after it opened: probe until the pipe's stream took one
        await(
                Duration.ofSeconds(30),
                () -> {
                    collection(name).insertOne(new Document("n", -1).append("name", "probe"));
                    return inIggy(stream).size() > 0;
                },
                () -> "the pipe never opened its change stream on " + name);
        int probes = inIggy(stream).size();

        long start = System.nanoTime();
        for (int i = 0; i < N; i++) {
            collection(name).insertOne(new Document("n", i).append("name", "device-" + i));
        }
        await(
                Duration.ofSeconds(60),
                () -> inIggy(stream).size() >= probes + N,
                () -> (inIggy(stream).size() - probes) + " of " + N + " in Iggy");
        System.out.printf("mongodb-to-iggy: %d documents in %d ms%n", N, (System.nanoTime() - start) / 1_000_000);
        Thread.sleep(500);

        // every document once, intact, as the JSON of the inserted document
        List<String> arrived = new ArrayList<>();
        for (String json : inIggy(stream)) {
            Map<?, ?> document = JSON.readValue(json, Map.class);
            if (!"probe".equals(document.get("name"))) {
                arrived.add(document.get("n") + "|" + document.get("name"));
            }
        }
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            expected.add(i + "|device-" + i);
        }
        assertThat(arrived).containsExactlyInAnyOrderElementsOf(expected);
    }

    private List<String> inIggy(String stream) {
        List<String> bodies = new ArrayList<>();
        try {
            for (int partition = 0; partition < client.partitions(stream, "events"); partition++) {
                client.all(stream, "events", partition)
                        .forEach(m -> bodies.add(new String(m.payload(), StandardCharsets.UTF_8)));
            }
        } catch (RuntimeException e) {
            // the pipe has not created the stream yet
        }
        return bodies;
    }
}
