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
import org.apache.iggy.message.Message;

/**
 * The two scenarios every SQL pipe runs, against whatever database the subclass connects to.
 *
 * <ul>
 *   <li>Sink (Iggy to the database): {@link SinkOutageScenario} over a new table, the messages {@link RowMessages}:
 *       N rows, intact and in order; nothing written or committed while the database is unreachable; every message
 *       exactly once when it is back.
 *   <li>Source (the database to Iggy): N rows in a table arrive in Iggy as N JSON messages, intact and in order, and
 *       each row is deleted once Iggy has it.
 * </ul>
 */
abstract class JdbcPipeTestSupport extends PipeTestSupport {

    static final int N = SinkOutageScenario.N;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A JDBC connection of the test's own, to create tables and check rows (not through the pipe's path). */
    interface Database {
        Connection connect() throws SQLException;

        static Database of(String url, String user, String password) {
            return () -> DriverManager.getConnection(url, user, password);
        }
    }

    /**
     * The Kamelet properties of a server database (mariadb-, mysql-, postgresql-sink/source): database iggy on
     * 127.0.0.1 at the port, user iggy, password iggy.
     */
    static Map<String, String> iggyDatabaseAt(String kamelet, int port) {
        return Map.of(
                kamelet + ".serverName", "127.0.0.1",
                kamelet + ".serverPort", Integer.toString(port),
                kamelet + ".databaseName", "iggy",
                kamelet + ".username", "iggy",
                kamelet + ".password", "iggy");
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
     * The sink scenario of a server database's pipe (iggy-to-{database}, {database}-sink), reaching the server at
     * the port through a {@link TcpProxy}.
     */
    void serverSinkScenario(String database, int port, Database db) throws Exception {
        try (TcpProxy proxy = new TcpProxy("127.0.0.1", port)) {
            String kamelet = database + "-sink";
            sinkScenario("iggy-to-" + database, kamelet, iggyDatabaseAt(kamelet, proxy.port()), db, proxy);
        }
    }

    /** The source scenario of a server database's pipe ({database}-to-iggy, {database}-source) at the port. */
    void serverSourceScenario(String database, int port, Database db) throws Exception {
        String kamelet = database + "-source";
        sourceScenario(database + "-to-iggy", kamelet, iggyDatabaseAt(kamelet, port), db);
    }

    /**
     * Runs a sink pipe (iggy-source -> sinkKamelet) over a new table and proves the delivery promise. The overrides
     * point the sink Kamelet at the database (through the outage's path); the query property is set here.
     */
    void sinkScenario(String pipe, String sinkKamelet, Map<String, String> sinkOverrides, Database db, Outage outage)
            throws Exception {
        String table = uniqueTableName("iggy_sink");
        execute(db, "CREATE TABLE " + table + " (n INTEGER NOT NULL, name VARCHAR(200) NOT NULL)");
        try {
            new SinkOutageScenario(this, pipe, unique(pipe))
                    .sending(RowMessages::messages)
                    .sinkProperties(sinkOverrides)
                    .sinkProperty(sinkKamelet + ".query", "INSERT INTO " + table + " (n, name) VALUES (:#n, :#name)")
                    .outage(outage)
                    .outageLasts(Duration.ofSeconds(2))
                    .arrivedCount(() -> count(db, table))
                    .assertArrived(count ->
                            assertThat(rows(db, table)).containsExactlyElementsOf(RowMessages.expectedRows(count)))
                    .run();
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
        String table = uniqueTableName("iggy_source");
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
                    insert.setString(3, RowMessages.name(i));
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

            List<Message> received = awaitInIggy(stream, "rows", N, Duration.ofSeconds(60));
            System.out.printf("%s: %d rows in %d ms%n", pipe, N, (System.nanoTime() - start) / 1_000_000);
            List<String> arrived = new ArrayList<>();
            for (Message message : received) {
                JsonNode row = JSON.readTree(new String(message.payload(), StandardCharsets.UTF_8));
                assertThat(column(row, "id").asInt()).isEqualTo(column(row, "n").asInt() + 1);
                arrived.add(column(row, "n").asInt() + "|" + column(row, "name").asText());
            }
            assertThat(arrived).containsExactlyElementsOf(RowMessages.expectedRows(N));
            await(Duration.ofSeconds(10), () -> count(db, table) == 0, () -> count(db, table) + " rows left");
        } finally {
            dropQuietly(db, table);
        }
    }
}
