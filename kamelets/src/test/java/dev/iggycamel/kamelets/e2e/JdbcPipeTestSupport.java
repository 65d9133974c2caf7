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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.iggy.message.Message;

/**
 * The two scenarios every SQL pipe runs, against whatever database the subclass connects to.
 *
 * <ul>
 *   <li>Sink (Iggy to the database): N JSON messages become N rows, intact and in order; then, with the database
 *       unreachable, new messages are not committed and nothing is written; when it is back, every message arrives
 *       exactly once and the offset reaches the end.
 *   <li>Source (the database to Iggy): N rows in a table arrive in Iggy as N JSON messages, intact and in order, and
 *       each row is deleted once Iggy has it.
 * </ul>
 */
abstract class JdbcPipeTestSupport extends PipeTestSupport {

    static final int N = 1000;
    static final int MORE = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How the test takes the database away from the pipe and gives it back. */
    interface Outage {
        void down() throws Exception;

        void up() throws Exception;

        /** Cuts the pipe's connections through the proxy and refuses new ones; the server itself keeps running. */
        static Outage of(TcpProxy proxy) {
            return new Outage() {
                @Override
                public void down() throws Exception {
                    proxy.down();
                }

                @Override
                public void up() throws Exception {
                    proxy.up();
                }
            };
        }
    }

    /** A JDBC connection of the test's own, to create tables and check rows (not through the pipe's path). */
    interface Database {
        Connection connect() throws SQLException;

        static Database of(String url, String user, String password) {
            return () -> DriverManager.getConnection(url, user, password);
        }
    }

    /** A name that every SQL dialect accepts unquoted: lowercase letters, digits and underscores. */
    static String table(String prefix) {
        return unique(prefix).replace('-', '_');
    }

    /** The name stored with message i: non-ASCII on purpose, to prove the text arrives intact. */
    static String name(int i) {
        return "name-" + i + " \u00e9\u00e8 \u20ac \u6771\u4eac";
    }

    /** Message i as JSON, non-ASCII characters escaped (the payload bytes do not depend on the JVM's charset). */
    static String json(int i) {
        StringBuilder escaped = new StringBuilder();
        name(i).chars().forEach(c -> escaped.append(c < 128 ? String.valueOf((char) c) : String.format("\\u%04x", c)));
        return "{\"n\":" + i + ",\"name\":\"" + escaped + "\"}";
    }

    static List<Message> messages(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> Message.of(json(i))).toList();
    }

    static List<String> expectedRows(int count) {
        return IntStream.range(0, count).mapToObj(i -> i + "|" + name(i)).toList();
    }

    static void execute(Database db, String sql) throws SQLException {
        try (Connection connection = db.connect();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** The rows (n, name) of the table in the order they were written, as "n|name". */
    static List<String> rows(Database db, String table) {
        try (Connection connection = db.connect();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT n, name FROM " + table + " ORDER BY n")) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getInt(1) + "|" + rs.getString(2));
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Drops a table of the test (shared servers keep no leftovers); a failure is only reported. */
    static void dropQuietly(Database db, String table) {
        try {
            execute(db, "DROP TABLE " + table);
        } catch (SQLException e) {
            System.err.println("Could not drop " + table + ": " + e.getMessage());
        }
    }

    /** The number of rows, or -1 when the database cannot answer right now (SQLite: busy with the pipe's write). */
    static int count(Database db, String table) {
        try (Connection connection = db.connect();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            return -1;
        }
    }

    /** A column of a row as the source sent it; databases differ in the case of column names (H2: upper case). */
    static JsonNode column(JsonNode row, String name) {
        for (var fields = row.fields(); fields.hasNext(); ) {
            var field = fields.next();
            if (field.getKey().equalsIgnoreCase(name)) {
                return field.getValue();
            }
        }
        throw new AssertionError("no column " + name + " in " + row);
    }

    /**
     * Runs a sink pipe (iggy-source -> sinkKamelet) over a new table and proves the delivery promise. The overrides
     * point the sink Kamelet at the database (through the outage's path); the query property is set here.
     */
    void sinkScenario(String pipe, String sinkKamelet, Map<String, String> sinkOverrides, Database db, Outage outage)
            throws Exception {
        String table = table("iggy_sink");
        execute(db, "CREATE TABLE " + table + " (n INTEGER NOT NULL, name VARCHAR(200) NOT NULL)");
        try {
            String stream = unique(pipe);
            String group = pipe;
            client.createTopic(stream, "events", 1);
            client.send(stream, "events", 0, messages(0, N));

            Map<String, String> properties = iggyProperties("iggy-source", stream, "events");
            properties.put("iggy-source.consumerGroup", group);
            properties.put("iggy-source.backoffMax", "500");
            properties.putAll(sinkOverrides);
            properties.put(sinkKamelet + ".query", "INSERT INTO " + table + " (n, name) VALUES (:#n, :#name)");
            long start = System.nanoTime();
            startPipe(pipe, properties);

            await(Duration.ofSeconds(60), () -> count(db, table) >= N, () -> count(db, table) + " of " + N + " rows");
            await(
                    Duration.ofSeconds(10),
                    () -> client.groupOffset(stream, "events", group, 0) == N - 1,
                    () -> "offset " + client.groupOffset(stream, "events", group, 0));
            System.out.printf("%s: %d messages in %d ms%n", pipe, N, (System.nanoTime() - start) / 1_000_000);
            assertThat(rows(db, table)).containsExactlyElementsOf(expectedRows(N));

            // the database goes away: new messages wait in Iggy, their offsets are not committed, nothing is written
            outage.down();
            try {
                client.send(stream, "events", 0, messages(N, N + MORE));
                Thread.sleep(2000);
                assertThat(client.groupOffset(stream, "events", group, 0)).isEqualTo(N - 1);
            } finally {
                outage.up();
            }
            // back: everything arrives exactly once, in order, and is committed
            await(
                    Duration.ofSeconds(60),
                    () -> count(db, table) >= N + MORE,
                    () -> count(db, table) + " of " + (N + MORE) + " rows");
            await(
                    Duration.ofSeconds(10),
                    () -> client.groupOffset(stream, "events", group, 0) == N + MORE - 1,
                    () -> "offset " + client.groupOffset(stream, "events", group, 0));
            assertThat(rows(db, table)).containsExactlyElementsOf(expectedRows(N + MORE));
        } finally {
            dropQuietly(db, table);
        }
    }

    /**
     * Runs a source pipe (sourceKamelet -> iggy-sink) over a new table of N rows: every row arrives in Iggy as a JSON
     * object with its columns, in order, and the consumed query deletes it.
     */
    void sourceScenario(String pipe, String sourceKamelet, Map<String, String> sourceOverrides, Database db)
            throws Exception {
        String table = table("iggy_source");
        execute(
                db,
                "CREATE TABLE " + table
                        + " (id INTEGER NOT NULL PRIMARY KEY, n INTEGER NOT NULL, name VARCHAR(200) NOT NULL)");
        try {
            try (Connection connection = db.connect();
                    PreparedStatement insert =
                            connection.prepareStatement("INSERT INTO " + table + " (id, n, name) VALUES (?, ?, ?)")) {
                for (int i = 0; i < N; i++) {
                    insert.setInt(1, i + 1);
                    insert.setInt(2, i);
                    insert.setString(3, name(i));
                    insert.addBatch();
                }
                insert.executeBatch();
                if (!connection.getAutoCommit()) {
                    connection.commit();
                }
            }
            String stream = unique(pipe);
            Map<String, String> properties = iggyProperties("iggy-sink", stream, "rows");
            properties.putAll(sourceOverrides);
            properties.put(sourceKamelet + ".query", "SELECT id, n, name FROM " + table + " ORDER BY id");
            properties.put(sourceKamelet + ".consumedQuery", "DELETE FROM " + table + " WHERE id = :#id");
            long start = System.nanoTime();
            startPipe(pipe, properties);

            List<Message> received = new ArrayList<>();
            await(
                    Duration.ofSeconds(60),
                    () -> {
                        received.clear();
                        try {
                            received.addAll(client.all(stream, "rows", 0));
                        } catch (RuntimeException e) {
                            return false; // the topic does not exist until the pipe sends its first message
                        }
                        return received.size() >= N;
                    },
                    () -> received.size() + " of " + N + " messages in Iggy");
            System.out.printf("%s: %d rows in %d ms%n", pipe, N, (System.nanoTime() - start) / 1_000_000);
            List<String> arrived = new ArrayList<>();
            for (Message message : received) {
                JsonNode row = JSON.readTree(new String(message.payload(), StandardCharsets.UTF_8));
                assertThat(column(row, "id").asInt()).isEqualTo(column(row, "n").asInt() + 1);
                arrived.add(column(row, "n").asInt() + "|" + column(row, "name").asText());
            }
            assertThat(arrived).containsExactlyElementsOf(expectedRows(N));
            await(Duration.ofSeconds(10), () -> count(db, table) == 0, () -> count(db, table) + " rows left");
        } finally {
            dropQuietly(db, table);
        }
    }
}
