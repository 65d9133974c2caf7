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

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * iggy-to-mysql and mysql-to-iggy with MySQL Connector/J, the driver mysql-sink and mysql-source name, against
 * Debian's MariaDB 10.11 as a stand-in that speaks the MySQL wire protocol (Debian 12 packages no MySQL server). The
 * sink reaches the server through a TcpProxy, so the test can cut it off without stopping the shared server.
 */
class MysqlPipeIT extends JdbcPipeTestSupport {

    private static final Database DB = Database.of("jdbc:mysql://127.0.0.1:3306/iggy", "iggy", "iggy");

    @BeforeAll
    static void requireServer() {
        ExternalServer.require("mariadb", 3306);
    }

    @Test
    @ProvesLevel(
            target = "mysql",
            direction = "sink",
            level = 2,
            against = "MariaDB 10.11 as a MySQL-protocol stand-in, MySQL Connector/J 9.5.0, behind a TcpProxy")
    void everyMessageBecomesARowAndNothingIsCommittedWhileTheDatabaseIsDown() throws Exception {
        serverSinkScenario("mysql", 3306, DB);
    }

    @Test
    @ProvesLevel(
            target = "mysql",
            direction = "source",
            level = 2,
            against = "MariaDB 10.11 as a MySQL-protocol stand-in, MySQL Connector/J 9.5.0")
    void everyRowArrivesInIggyAndIsDeleted() throws Exception {
        serverSourceScenario("mysql", 3306, DB);
    }
}
