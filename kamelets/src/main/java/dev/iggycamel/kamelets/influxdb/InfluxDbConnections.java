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
package dev.iggycamel.kamelets.influxdb;

import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;

/** Creates the InfluxDB 1.x client the influxdb component needs as its connection bean. */
public final class InfluxDbConnections {

    private InfluxDbConnections() {}

    /** A client for the server at url; without a username it sends no credentials (auth disabled). */
    public static InfluxDB connect(String url, String username, String password) {
        if (username == null || username.isBlank()) {
            return InfluxDBFactory.connect(url);
        }
        return InfluxDBFactory.connect(url, username, password == null ? "" : password);
    }
}
