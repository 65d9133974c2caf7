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

import org.junit.jupiter.api.Test;

/** iggy-to-victoriametrics against Debian's VictoriaMetrics 1.79 (.ci/services/victoria-metrics.sh). */
class VictoriaMetricsPipeIT extends RemoteWriteSinkSupport {

    @Test
    @ProvesLevel(
            target = "victoriametrics",
            direction = "sink",
            level = 3,
            against = "VictoriaMetrics 1.79.5 (Debian victoria-metrics), Prometheus remote-write /api/v1/write")
    void everySampleArrivesAndNothingIsCommittedWhileVictoriaMetricsIsDown() throws Exception {
        ExternalServer.require("victoria-metrics", 8428);
        deliversEverySample("iggy-to-victoriametrics", "127.0.0.1", 8428, "/api/v1/write", "http://127.0.0.1:8428");
    }
}
