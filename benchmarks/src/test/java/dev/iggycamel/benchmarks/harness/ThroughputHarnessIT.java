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
package dev.iggycamel.benchmarks.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The harness in quick mode, as a CI smoke test: every scenario ran in every round, moved messages, and lost none.
 * No timing is asserted (the machine is shared); the numbers are for RESULTS.md, from a full run.
 */
class ThroughputHarnessIT {

    @Test
    void quickModeRunsEveryScenarioAndLosesNothing(@TempDir Path dir) throws Exception {
        Path results = dir.resolve("RESULTS.md");
        Files.writeString(results, "# Results\n\nkept\n");

        HarnessOptions options = HarnessOptions.parse("--quick", "--results", results.toString());
        HarnessReport report = ThroughputHarness.run(options);

        assertThat(report.scenarios().keySet())
                .containsExactlyElementsOf(ThroughputHarness.scenarios(options, null).stream()
                        .map(Scenario::id)
                        .toList());
        for (String scenario : report.scenarios().keySet()) {
            assertThat(report.samples(scenario)).as(scenario).hasSize(options.rounds());
            assertThat(report.samples(scenario)).as(scenario).allSatisfy(sample -> {
                assertThat(sample.messages()).isPositive();
                assertThat(sample.payloadBytes()).isPositive();
                assertThat(sample.reading().nanos()).isPositive();
                assertThat(sample.delivered()).isEqualTo(sample.messages());
                assertThat(sample.failures()).isZero();
            });
            assertThat(report.lost(scenario)).as(scenario).isZero();
        }
        assertThat(report.targets()).hasSameSizeAs(ThroughputHarness.targets());
        assertThat(report.targets())
                .allSatisfy(target -> assertThat(target.value().median()).isFinite());

        String written = Files.readString(results);
        assertThat(written).startsWith("# Results\n\nkept\n");
        assertThat(written).contains(ThroughputHarness.RESULTS_START, ThroughputHarness.RESULTS_END);
        for (String scenario : report.scenarios().keySet()) {
            assertThat(written).contains("| " + scenario + " |");
        }
    }
}
