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

import java.net.ServerSocket;
import java.util.Map;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * iggy-to-generic-jdbc and generic-jdbc-to-iggy (our jdbc-sink / jdbc-source) against the real H2 database engine,
 * started in the JVM as H2's TCP server on an ephemeral port; the sink reaches it through a TcpProxy, so the test
 * can cut it off while the database keeps its rows.
 */
class GenericJdbcPipeIT extends JdbcPipeTestSupport {

    private static Server h2;
    private static String database;

    @BeforeAll
    static void startH2() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        h2 = Server.createTcpServer("-tcpPort", Integer.toString(port), "-ifNotExists")
                .start();
        database = "mem:" + uniqueTableName("iggy");
    }

    @AfterAll
    static void stopH2() {
        if (h2 != null) {
            h2.stop();
        }
    }

    private static String url(int port) {
        return "jdbc:h2:tcp://127.0.0.1:" + port + "/" + database + ";DB_CLOSE_DELAY=-1";
    }

    private static Database db() {
        return Database.of(url(h2.getPort()), "sa", "");
    }

    private static Map<String, String> connection(String kamelet, int port) {
        return Map.of(
                kamelet + ".jdbcUrl", url(port),
                kamelet + ".driverClassName", "org.h2.Driver",
                kamelet + ".username", "sa");
    }

    @Test
    @ProvesLevel(
            target = "generic-jdbc",
            direction = "sink",
            level = 3,
            against = "H2 2.4.240 TCP server (in-JVM, from Maven Central) behind a TcpProxy")
    void everyMessageBecomesARowAndNothingIsCommittedWhileTheDatabaseIsDown() throws Exception {
        try (TcpProxy proxy = new TcpProxy("127.0.0.1", h2.getPort())) {
            sinkScenario("iggy-to-generic-jdbc", "jdbc-sink", connection("jdbc-sink", proxy.port()), db(), proxy);
        }
    }

    @Test
    @ProvesLevel(
            target = "generic-jdbc",
            direction = "source",
            level = 3,
            against = "H2 2.4.240 TCP server (in-JVM, from Maven Central)")
    void everyRowArrivesInIggyAndIsDeleted() throws Exception {
        sourceScenario("generic-jdbc-to-iggy", "jdbc-source", connection("jdbc-source", h2.getPort()), db());
    }
}
