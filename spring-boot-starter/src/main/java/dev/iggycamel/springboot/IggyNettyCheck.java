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

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.ClassUtils;

/**
 * Stops an application at start, with a message that names the fix, when its class path has Netty 4.1 instead of the
 * Netty 4.2 the Iggy Java SDK needs. Spring Boot 3.5 manages Netty 4.1, so without this check the first connection
 * fails later with {@code NoClassDefFoundError: io/netty/channel/IoEventLoopGroup}. Registered in
 * {@code META-INF/spring.factories}, so it runs before any bean (lazy or not) is created;
 * {@link IggyNettyFailureAnalyzer} turns its exception into Spring Boot's failure report.
 */
public class IggyNettyCheck implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** The Netty version the starter is built and tested with. */
    public static final String REQUIRED_NETTY_VERSION = "4.2.7.Final";

    /** Netty-4.2-only classes the SDK's TCP client loads. */
    static final List<String> NETTY_42_CLASSES = List.of(
            "io.netty.channel.IoEventLoopGroup",
            "io.netty.channel.MultiThreadIoEventLoopGroup",
            "io.netty.channel.nio.NioIoHandler");

    /** The Netty modules the SDK and the embedded server use; one of them at 4.1 next to 4.2 is trouble too. */
    static final List<String> NETTY_MODULES = List.of(
            "netty-common",
            "netty-buffer",
            "netty-resolver",
            "netty-transport",
            "netty-codec-base",
            "netty-codec",
            "netty-handler");

    private static final Logger LOG = LoggerFactory.getLogger(IggyNettyCheck.class);

    @Override
    public void initialize(ConfigurableApplicationContext applicationContext) {
        check(applicationContext.getClassLoader());
    }

    /**
     * Throws {@link IggyNettyVersionException} when a Netty 4.2 class the SDK needs is missing; logs a warning when
     * the Netty modules have mixed versions.
     */
    static void check(ClassLoader classLoader) {
        List<String> missing = NETTY_42_CLASSES.stream()
                .filter(name -> !ClassUtils.isPresent(name, classLoader))
                .toList();
        Map<String, String> versions = nettyVersions(classLoader);
        if (!missing.isEmpty()) {
            throw new IggyNettyVersionException(missing, versions);
        }
        Map<String, String> notNetty42 = new TreeMap<>(versions);
        notNetty42.values().removeIf(version -> version.startsWith("4.2."));
        if (!notNetty42.isEmpty()) {
            LOG.warn(
                    "camel-iggy needs Netty 4.2 ({}) in every Netty module, but these have other versions: {}. {}",
                    REQUIRED_NETTY_VERSION,
                    notNetty42,
                    IggyNettyVersionException.FIX);
        }
    }

    /** The versions of {@link #NETTY_MODULES} on the class path, by artifact id (empty when Netty says nothing). */
    static Map<String, String> nettyVersions(ClassLoader classLoader) {
        Map<String, String> versions = new TreeMap<>();
        if (!ClassUtils.isPresent("io.netty.util.Version", classLoader)) {
            return versions;
        }
        io.netty.util.Version.identify(classLoader).forEach((artifact, version) -> {
            if (NETTY_MODULES.contains(artifact)) {
                versions.put(artifact, version.artifactVersion());
            }
        });
        return versions;
    }
}
