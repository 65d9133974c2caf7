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

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.iggy.message.Message;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * iggy-to-dynamodb (our dynamodb-sink, aws-ddb-sink's contract on Camel 4.17) against DynamoDB Local, the emulator AWS
 * publishes on Maven Central, started in the JVM on an ephemeral port (in memory; its SQLite engine needs the native
 * sqlite4java library, which Maven also brings). The sink reaches it through a TcpProxy so the test can cut it off
 * while the emulator keeps its tables.
 */
class DynamodbPipeIT extends PipeTestSupport {

    private static final int N = SinkOutageScenario.N;

    private static final ObjectMapper JSON = new ObjectMapper();

    private static DynamoDBProxyServer server;
    private static int port;
    private static DynamoDbClient ddb;

    private static String httpServiceImpl;

    @BeforeAll
    static void startDynamodbLocal() throws Exception {
        // camel-aws2-ddb brings the Apache HTTP client, DynamoDB Local the URL connection one: the SDK needs a choice
        httpServiceImpl = System.setProperty(
                "software.amazon.awssdk.http.service.impl", "software.amazon.awssdk.http.apache.ApacheSdkHttpService");
        System.setProperty("sqlite4java.library.path", nativeLibraryDir());
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        server = ServerRunner.createServerFromCommandLineArgs(
                new String[] {"-inMemory", "-disableTelemetry", "-port", Integer.toString(port)});
        server.start();
        ddb = DynamoDbClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + port))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
    }

    @AfterAll
    static void stopDynamodbLocal() throws Exception {
        if (ddb != null) {
            ddb.close();
        }
        if (server != null) {
            server.stop();
        }
        if (httpServiceImpl == null) {
            System.clearProperty("software.amazon.awssdk.http.service.impl");
        } else {
            System.setProperty("software.amazon.awssdk.http.service.impl", httpServiceImpl);
        }
    }

    /** The directory of libsqlite4java-linux-amd64-*.so, a test dependency of type so (not a jar on the class path). */
    private static String nativeLibraryDir() {
        List<String> entries = new ArrayList<>();
        for (String property : List.of("java.class.path", "surefire.test.class.path")) {
            String value = System.getProperty(property);
            if (value != null) {
                entries.addAll(List.of(value.split(File.pathSeparator)));
            }
        }
        String arch = System.getProperty("os.arch").contains("64") ? "amd64" : "i386";
        return entries.stream()
                .filter(entry -> entry.contains("libsqlite4java-linux-" + arch))
                .map(entry -> Path.of(entry).getParent().toString())
                .findFirst()
                .orElseGet(() -> {
                    Path repository = Path.of(System.getProperty(
                            "maven.repo.local", System.getProperty("user.home") + "/.m2/repository"));
                    return repository
                            .resolve("com/almworks/sqlite4java/libsqlite4java-linux-" + arch + "/1.0.392")
                            .toString();
                });
    }

    /** A table keyed by the number n; with a stream of its changes (new and old images) if asked. */
    private static void createTable(String table, boolean withStream) {
        ddb.createTable(builder -> builder.tableName(table)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder()
                        .attributeName("n")
                        .attributeType(ScalarAttributeType.N)
                        .build())
                .keySchema(KeySchemaElement.builder()
                        .attributeName("n")
                        .keyType(KeyType.HASH)
                        .build())
                .streamSpecification(
                        withStream
                                ? StreamSpecification.builder()
                                        .streamEnabled(true)
                                        .streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)
                                        .build()
                                : null));
    }

    private static List<Map<String, AttributeValue>> items(String table) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            ScanResponse page = ddb.scan(ScanRequest.builder()
                    .tableName(table)
                    .exclusiveStartKey(start)
                    .build());
            items.addAll(page.items());
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return items;
    }

    private static int count(String table) {
        return items(table).size();
    }

    private static List<String> rows(String table) {
        return items(table).stream()
                .sorted(Comparator.comparingInt(
                        item -> Integer.parseInt(item.get("n").n())))
                .map(item -> item.get("n").n() + "|" + item.get("name").s())
                .toList();
    }

    @Test
    @ProvesLevel(
            target = "dynamodb",
            direction = "sink",
            level = 2,
            against = "DynamoDB Local 2.6.1 (AWS's emulator from Maven Central, in-JVM, in memory) behind a TcpProxy")
    void everyMessageBecomesAnItemAndNothingIsCommittedWhileDynamodbIsDown() throws Exception {
        String table = uniqueTableName("iggy_sink");
        createTable(table, false);
        try (TcpProxy proxy = new TcpProxy("127.0.0.1", port)) {
            new SinkOutageScenario(this, "iggy-to-dynamodb", unique("dynamodb"))
                    .sending(RowMessages::messages)
                    .sinkProperty("dynamodb-sink.table", table)
                    .sinkProperty("dynamodb-sink.uriEndpointOverride", "http://127.0.0.1:" + proxy.port())
                    .outage(proxy)
                    // longer than the AWS SDK's own retries (9 attempts for DynamoDB), so the exchange itself fails too
                    .outageLasts(Duration.ofSeconds(8))
                    .arrivedCount(() -> count(table))
                    .assertArrived(
                            count -> assertThat(rows(table)).containsExactlyElementsOf(RowMessages.expectedRows(count)))
                    .run();
        }
    }

    @Test
    @ProvesLevel(
            target = "dynamodb",
            direction = "source",
            level = 2,
            against =
                    "DynamoDB Local 2.6.1 (AWS's emulator from Maven Central, in-JVM, in memory), its DynamoDB Streams")
    void everyChangeOfTheTableArrivesInIggy() throws Exception {
        String table = uniqueTableName("iggy_source");
        createTable(table, true);
        for (int i = 0; i < N; i++) {
            ddb.putItem(PutItemRequest.builder()
                    .tableName(table)
                    .item(Map.of(
                            "n", AttributeValue.fromN(Integer.toString(i)),
                            "name", AttributeValue.fromS(RowMessages.name(i))))
                    .build());
        }
        String stream = unique("dynamodb-source");
        Map<String, String> properties = iggyProperties("iggy-sink", stream, "changes");
        properties.put("dynamodb-streams-source.table", table);
        properties.put("dynamodb-streams-source.uriEndpointOverride", "http://127.0.0.1:" + port);
        long start = System.nanoTime();
        startPipe("dynamodb-to-iggy", properties);

        List<Message> received = awaitInIggy(stream, "changes", N, Duration.ofSeconds(60));
        System.out.printf("dynamodb-to-iggy: %d change events in %d ms%n", N, (System.nanoTime() - start) / 1_000_000);
        List<String> arrived = new ArrayList<>();
        for (Message message : received) {
            JsonNode event = JSON.readTree(new String(message.payload(), StandardCharsets.UTF_8));
            assertThat(event.path("eventName").asText()).as("event %s", event).isEqualTo("INSERT");
            JsonNode image = event.path("dynamodb").path("newImage");
            arrived.add(image.path("n").path("n").asText() + "|"
                    + image.path("name").path("s").asText());
        }
        // DynamoDB Streams orders the changes of one item, not those of different items (DynamoDB Local, too,
        // delivered item 2 after item 9 in a run): every item once, in any order
        assertThat(arrived).containsExactlyInAnyOrderElementsOf(RowMessages.expectedRows(N));
    }
}
