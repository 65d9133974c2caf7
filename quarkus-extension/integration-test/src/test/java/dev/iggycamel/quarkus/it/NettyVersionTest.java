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
package dev.iggycamel.quarkus.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.util.Version;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The application runs Vert.x's HTTP and the Iggy SDK on one Netty, 4.2 (JVM mode: the test shares its class path). */
@QuarkusTest
class NettyVersionTest {

    @Test
    void applicationRunsOnNetty42() {
        assertThat(Version.identify().get("netty-transport").artifactVersion()).startsWith("4.2.");
        assertThat(Version.identify().get("netty-codec-http").artifactVersion()).startsWith("4.2.");
    }
}
