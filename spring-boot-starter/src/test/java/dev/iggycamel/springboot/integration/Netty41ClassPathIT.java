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
package dev.iggycamel.springboot.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iggycamel.springboot.IggyNettyCheck;
import dev.iggycamel.springboot.nettycheck.NettyCheckApp;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What a user whose build let Spring Boot's Netty 4.1 win sees: a Spring Boot application with the starter, run in
 * its own JVM on this module's test class path with the Netty 4.2 jars swapped for Spring Boot 3.5's Netty 4.1
 * ({@code target/netty-4.1}, copied by the build), fails at start with the report that names the fix, not with
 * {@code NoClassDefFoundError: io/netty/channel/IoEventLoopGroup} at the first connection.
 */
class Netty41ClassPathIT {

    private static final Pattern NETTY_JAR = Pattern.compile("(netty-[a-z0-9-]+?)-(4\\.2\\.[0-9]+\\.Final)\\.jar");

    @Test
    void aNetty41ClassPathFailsAtStartWithTheFix() throws Exception {
        Path netty41 = Path.of(System.getProperty("netty41.dir", "target/netty-4.1"));
        String netty41Version = System.getProperty("netty41.version", "4.1.130.Final");
        List<String> classPath = new ArrayList<>();
        int swapped = 0;
        for (String entry : testClassPath()) {
            Matcher jar = NETTY_JAR.matcher(Path.of(entry).getFileName().toString());
            if (!jar.matches()) {
                classPath.add(entry);
                continue;
            }
            Path replacement = netty41.resolve(jar.group(1) + "-" + netty41Version + ".jar");
            if (Files.exists(replacement)) {
                classPath.add(replacement.toString());
                swapped++;
            } // else: a module Netty 4.1 does not have (netty-codec-base, ...), as in a Netty 4.1 build
        }
        assertThat(swapped)
                .as("Netty 4.2 jars swapped for 4.1 ones from %s", netty41)
                .isGreaterThanOrEqualTo(6);

        Run run = runApp(classPath);

        assertThat(run.exitCode).as(run.output).isNotZero();
        assertThat(run.output)
                .contains("APPLICATION FAILED TO START")
                .contains("camel-iggy needs Netty 4.2")
                .contains("netty-transport " + netty41Version)
                .contains("<netty.version>" + IggyNettyCheck.REQUIRED_NETTY_VERSION + "</netty.version>")
                .contains("io.netty:netty-bom:" + IggyNettyCheck.REQUIRED_NETTY_VERSION)
                .doesNotContain("NoClassDefFoundError")
                .doesNotContain(NettyCheckApp.STARTED);
    }

    @Test
    void theSameApplicationStartsOnNetty42() throws Exception {
        Run run = runApp(testClassPath());

        assertThat(run.exitCode).as(run.output).isZero();
        assertThat(run.output).contains(NettyCheckApp.STARTED).doesNotContain("camel-iggy needs Netty 4.2");
    }

    /** Surefire and failsafe put the full test class path here (java.class.path may be a manifest-only jar). */
    private static List<String> testClassPath() {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return List.of(classPath.split(File.pathSeparator));
    }

    private static Run runApp(List<String> classPath) throws IOException, InterruptedException {
        Path output = Files.createTempFile("netty-check-app", ".log");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(
                        java.toString(),
                        "-cp",
                        String.join(File.pathSeparator, classPath),
                        NettyCheckApp.class.getName(),
                        "--spring.main.banner-mode=off")
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("NettyCheckApp did not end within 120 s: " + Files.readString(output));
        }
        Run run = new Run(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        Files.deleteIfExists(output);
        return run;
    }

    private record Run(int exitCode, String output) {}
}
