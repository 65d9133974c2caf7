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
 * iggy-to-postgresql and postgresql-to-iggy against Debian's PostgreSQL 15 (started by .ci/services/postgresql.sh);
 * the sink reaches it through a TcpProxy, so the test can cut it off without stopping the shared server.
 */
class PostgresqlPipeIT extends JdbcPipeTestSupport {

    private static final Database DB = Database.of("jdbc:postgresql://127.0.0.1:5432/iggy", "iggy", "iggy");

    @BeforeAll
    static void requireServer() {
        ExternalServer.require("postgresql", 5432);
    }

    @Test
    @ProvesLevel(
            target = "postgresql",
            direction = "sink",
            level = 3,
            against = "PostgreSQL 15 (Debian postgresql-15, .ci/services/postgresql.sh) behind a TcpProxy")
    void everyMessageBecomesARowAndNothingIsCommittedWhileTheDatabaseIsDown() throws Exception {
        serverSinkScenario("postgresql", 5432, DB);
    }

    @Test
    @ProvesLevel(
            target = "postgresql",
            direction = "source",
            level = 3,
            against = "PostgreSQL 15 (Debian postgresql-15, .ci/services/postgresql.sh)")
    void everyRowArrivesInIggyAndIsDeleted() throws Exception {
        serverSourceScenario("postgresql", 5432, DB);
    }
}
