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

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * iggy-to-sqlite (our jdbc-sink with the SQLite JDBC driver) against the real SQLite engine, which runs in the JVM
 * over a database file. SQLite has no server to stop: the outage is another connection holding an exclusive lock,
 * so every INSERT of the pipe fails with SQLITE_BUSY until the lock is released.
 */
class SqlitePipeIT extends JdbcPipeTestSupport {

    @TempDir
    Path dir;

    @Test
    @ProvesLevel(
            target = "sqlite",
            direction = "sink",
            level = 3,
            against = "SQLite 3.51.1 (org.xerial:sqlite-jdbc, the engine in-process) over a database file")
    void everyMessageBecomesARowAndNothingIsCommittedWhileTheDatabaseIsLocked() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("iggy.db");
        Database db = Database.of(url, null, null);
        // the pipe waits at most 200 ms for a lock (default 3 s), so during the outage its INSERTs fail and are retried
        Map<String, String> sink = Map.of("jdbc-sink.jdbcUrl", url + "?busy_timeout=200");
        sinkScenario("iggy-to-sqlite", "jdbc-sink", sink, db, new Outage() {
            private Connection lock;

            @Override
            public void down() throws Exception {
                lock = DriverManager.getConnection(url);
                try (Statement statement = lock.createStatement()) {
                    statement.execute("BEGIN EXCLUSIVE");
                }
            }

            @Override
            public void up() throws Exception {
                try (Statement statement = lock.createStatement()) {
                    statement.execute("COMMIT");
                }
                lock.close();
            }

            /** The exclusive lock keeps the test's own reads out too. */
            @Override
            public boolean farSideReadableWhileDown() {
                return false;
            }
        });
    }
}
