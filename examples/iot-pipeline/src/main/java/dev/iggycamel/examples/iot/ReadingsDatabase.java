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
package dev.iggycamel.examples.iot;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.h2.tools.Server;

/** The store: the table readings in an H2 database that the example serves over TCP from its own JVM. */
final class ReadingsDatabase implements AutoCloseable {

    private final Server server;
    private final String url;

    private ReadingsDatabase(Server server, String url) {
        this.server = server;
        this.url = url;
    }

    /** Starts H2's TCP server on a free port with an empty in-memory database holding the table readings. */
    static ReadingsDatabase start() throws SQLException {
        Server server = Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start();
        String url = "jdbc:h2:tcp://localhost:" + server.getPort() + "/mem:iot;DB_CLOSE_DELAY=-1";
        ReadingsDatabase database = new ReadingsDatabase(server, url);
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement()) {
            // no primary key: a reading delivered twice would show up as a duplicate instead of blocking the pipe
            statement.execute("CREATE TABLE readings (device VARCHAR(64) NOT NULL, seq INTEGER NOT NULL,"
                    + " celsius DOUBLE PRECISION NOT NULL, humidity DOUBLE PRECISION NOT NULL,"
                    + " measured_at BIGINT NOT NULL)");
        }
        return database;
    }

    /** The JDBC URL the pipe's jdbc-sink writes to. */
    String url() {
        return url;
    }

    int count() throws SQLException {
        try (Connection connection = connect();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM readings")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    List<Reading> readings() throws SQLException {
        try (Connection connection = connect();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(
                        "SELECT device, seq, celsius, humidity, measured_at FROM readings ORDER BY device, seq")) {
            List<Reading> readings = new ArrayList<>();
            while (rs.next()) {
                readings.add(
                        new Reading(rs.getString(1), rs.getInt(2), rs.getDouble(3), rs.getDouble(4), rs.getLong(5)));
            }
            return readings;
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, "sa", "");
    }

    @Override
    public void close() {
        server.stop();
    }
}
