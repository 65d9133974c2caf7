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
package dev.iggycamel.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NettyVersionCheckTest {

    @Test
    void passesOnNetty42() {
        // this module's class path has Netty 4.2, as the parent's netty-bom import decides
        ClassLoader classLoader = getClass().getClassLoader();

        assertThatCode(() -> NettyVersionCheck.requireNetty42(classLoader)).doesNotThrowAnyException();
        assertThat(NettyVersionCheck.transportVersion(classLoader)).startsWith("4.2.");
    }

    @Test
    void failsOnNetty41WithTheFix(@TempDir Path dir) throws Exception {
        // Netty 4.1's netty-transport: its version file, without the 4.2 classes
        Path versions = dir.resolve("META-INF/io.netty.versions.properties");
        Files.createDirectories(versions.getParent());
        Files.writeString(versions, "netty-transport.version=4.1.130.Final\n");

        try (URLClassLoader netty41 = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            assertThatThrownBy(() -> NettyVersionCheck.requireNetty42(netty41))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("netty-transport 4.1.130.Final")
                    .hasMessageContaining("Import io.netty:netty-bom:4.2.7.Final")
                    .hasMessageContaining("before quarkus-bom");
        }
    }

    @Test
    void namesAMissingNetty(@TempDir Path dir) throws Exception {
        try (URLClassLoader none = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            assertThat(NettyVersionCheck.transportVersion(none)).isEqualTo("(none)");
        }
    }
}
