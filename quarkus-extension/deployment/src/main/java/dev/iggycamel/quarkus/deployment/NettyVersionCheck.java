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

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Enumeration;
import java.util.Properties;

/**
 * Checks at build time that the application resolves Netty 4.2: the Iggy SDK's TCP client uses classes that Netty 4.1
 * (what quarkus-bom manages) lacks, and would otherwise fail on its first connection.
 */
final class NettyVersionCheck {

    /** A class of Netty 4.2's new I/O model that the SDK's TCP client uses. */
    static final String NETTY_42_CLASS = "io/netty/channel/IoEventLoopGroup.class";

    private NettyVersionCheck() {}

    /** Throws with the fix when {@code classLoader} sees a Netty transport without Netty 4.2's classes. */
    static void requireNetty42(ClassLoader classLoader) {
        if (classLoader.getResource(NETTY_42_CLASS) != null) {
            return;
        }
        throw new IllegalStateException("camel-quarkus-iggy needs Netty 4.2 (the Iggy Java SDK's TCP client uses "
                + "io.netty.channel.IoEventLoopGroup), but this application resolves netty-transport "
                + transportVersion(classLoader)
                + ", as quarkus-bom manages it. Import io.netty:netty-bom:4.2.7.Final (type pom, scope import) "
                + "before quarkus-bom in <dependencyManagement>.");
    }

    /** The netty-transport version that Netty's own version files name, or "(none)". */
    static String transportVersion(ClassLoader classLoader) {
        try {
            Enumeration<URL> files = classLoader.getResources("META-INF/io.netty.versions.properties");
            while (files.hasMoreElements()) {
                Properties versions = new Properties();
                try (InputStream in = files.nextElement().openStream()) {
                    versions.load(in);
                }
                String version = versions.getProperty("netty-transport.version");
                if (version != null) {
                    return version;
                }
            }
            return "(none)";
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read Netty's version files", e);
        }
    }
}
