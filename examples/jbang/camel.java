///usr/bin/env jbang "$0" "$@" ; exit $?
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

// The Camel JBang CLI (camel run, camel get, ...) of Camel 4.17.0 with Netty 4.2 on its classpath. The stock
// "camel" app brings Netty 4.1 (Vert.x, for platform-http), and jars added with --dep load after it, so the Iggy
// SDK would fail with NoSuchMethodError or NoClassDefFoundError: io/netty/channel/IoEventLoopGroup.

//JAVA 17+
//DEPS io.netty:netty-bom:4.2.7.Final@pom
//DEPS org.apache.camel:camel-bom:4.17.0@pom
//DEPS org.apache.camel:camel-jbang-core

import org.apache.camel.dsl.jbang.core.commands.CamelJBangMain;

public class camel {

    public static void main(String... args) {
        CamelJBangMain.run(args);
    }
}
