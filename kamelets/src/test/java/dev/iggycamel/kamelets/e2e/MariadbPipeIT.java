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
 * iggy-to-mariadb and mariadb-to-iggy against Debian's MariaDB 10.11 (started by .ci/services/mariadb.sh), with the
 * MariaDB Connector/J the pipes add; the sink reaches the server through a TcpProxy, so the test can cut it off
 * without stopping the shared server.
 */
class MariadbPipeIT extends JdbcPipeTestSupport {

    private static final Database DB = Database.of("jdbc:mariadb://127.0.0.1:3306/iggy", "iggy", "iggy");

    @BeforeAll
    static void requireServer() {
        ExternalServer.require("mariadb", 3306);
    }

    @Test
    @ProvesLevel(
            target = "mariadb",
            direction = "sink",
            level = 3,
            against = "MariaDB 10.11 (Debian mariadb-server, .ci/services/mariadb.sh) behind a TcpProxy")
    void everyMessageBecomesARowAndNothingIsCommittedWhileTheDatabaseIsDown() throws Exception {
        serverSinkScenario("mariadb", 3306, DB);
    }

    @Test
    @ProvesLevel(
            target = "mariadb",
            direction = "source",
            level = 3,
            against = "MariaDB 10.11 (Debian mariadb-server, .ci/services/mariadb.sh)")
    void everyRowArrivesInIggyAndIsDeleted() throws Exception {
        serverSourceScenario("mariadb", 3306, DB);
    }
}
