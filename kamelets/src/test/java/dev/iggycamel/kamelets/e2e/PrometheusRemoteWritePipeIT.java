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

/** iggy-to-prometheus against Debian's Prometheus 2.42 as a remote-write receiver (.ci/services/prometheus.sh). */
class PrometheusRemoteWritePipeIT extends RemoteWriteSinkSupport {

    @Test
    @ProvesLevel(
            target = "prometheus-remote-write",
            direction = "sink",
            level = 3,
            against = "Prometheus 2.42 (Debian prometheus, --web.enable-remote-write-receiver)")
    void everySampleArrivesAndNothingIsCommittedWhilePrometheusIsDown() throws Exception {
        ExternalServer.require("prometheus", 9090);
        deliversEverySample("iggy-to-prometheus", "127.0.0.1", 9090, "/api/v1/write", "http://127.0.0.1:9090");
    }
}
