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
package dev.iggycamel.springboot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.netty.util.Version;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** The start-up check on a class path without Netty 4.2's transport classes, and the report it leads to. */
class IggyNettyCheckTest {

    @Test
    void netty42PassesTheCheck() {
        assertThatCode(() -> IggyNettyCheck.check(getClass().getClassLoader())).doesNotThrowAnyException();
    }

    @Test
    void theRequiredVersionIsTheOneTheStarterIsBuiltWith() {
        assertThat(Version.identify().get("netty-transport").artifactVersion())
                .isEqualTo(IggyNettyCheck.REQUIRED_NETTY_VERSION);
    }

    @Test
    void missingNetty42ClassesFailWithTheFix() {
        ClassLoader withoutIoEventLoopGroup = new ClassLoader(getClass().getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (name.equals("io.netty.channel.IoEventLoopGroup")) {
                    throw new ClassNotFoundException(name);
                }
                return super.loadClass(name, resolve);
            }
        };

        IggyNettyVersionException failure = catchThrowableOfType(
                IggyNettyVersionException.class, () -> IggyNettyCheck.check(withoutIoEventLoopGroup));

        assertThat(failure.getMissingClasses()).containsExactly("io.netty.channel.IoEventLoopGroup");
        assertThat(failure.getNettyVersions()).containsEntry("netty-transport", IggyNettyCheck.REQUIRED_NETTY_VERSION);
        FailureAnalysis analysis = new IggyNettyFailureAnalyzer().analyze(new IllegalStateException(failure));
        assertThat(analysis.getDescription())
                .contains("camel-iggy needs Netty 4.2")
                .contains("io.netty.channel.IoEventLoopGroup");
        assertThat(analysis.getAction())
                .contains("<netty.version>4.2.7.Final</netty.version>")
                .contains("io.netty:netty-bom:4.2.7.Final")
                .contains("before spring-boot-dependencies");
    }
}
