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

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The class path has Netty 4.1 (or no Netty transport), but the Iggy Java SDK needs Netty 4.2. */
public class IggyNettyVersionException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /** How to get Netty 4.2 with each build setup; shown in the exception and in the failure report. */
    static final String FIX = "Use Netty " + IggyNettyCheck.REQUIRED_NETTY_VERSION + ":" + System.lineSeparator()
            + "  - Maven with spring-boot-starter-parent: <netty.version>" + IggyNettyCheck.REQUIRED_NETTY_VERSION
            + "</netty.version> in your pom's <properties>" + System.lineSeparator()
            + "  - Maven with spring-boot-dependencies imported: import io.netty:netty-bom:"
            + IggyNettyCheck.REQUIRED_NETTY_VERSION
            + " in <dependencyManagement>, before spring-boot-dependencies" + System.lineSeparator()
            + "  - Gradle with the io.spring.dependency-management plugin: ext['netty.version'] = '"
            + IggyNettyCheck.REQUIRED_NETTY_VERSION + "'" + System.lineSeparator()
            + "Check the result with: ./mvnw dependency:tree -Dincludes=io.netty";

    private final List<String> missingClasses;
    private final Map<String, String> nettyVersions;

    public IggyNettyVersionException(List<String> missingClasses, Map<String, String> nettyVersions) {
        super(problem(missingClasses, nettyVersions) + System.lineSeparator() + FIX);
        this.missingClasses = List.copyOf(missingClasses);
        this.nettyVersions = Collections.unmodifiableMap(new TreeMap<>(nettyVersions));
    }

    /** What is wrong, without the fix. */
    static String problem(List<String> missingClasses, Map<String, String> nettyVersions) {
        String found = nettyVersions.isEmpty()
                ? "no Netty version information"
                : new TreeMap<>(nettyVersions)
                        .entrySet().stream()
                                .map(module -> module.getKey() + " " + module.getValue())
                                .collect(Collectors.joining(", "));
        return "camel-iggy needs Netty 4.2 (the Iggy Java SDK's TCP client uses " + String.join(", ", missingClasses)
                + "), but the class path has " + found
                + ". Spring Boot 3.5 manages Netty 4.1: override its Netty version.";
    }

    /** The Netty 4.2 classes that are missing. */
    public List<String> getMissingClasses() {
        return missingClasses;
    }

    /** The Netty modules on the class path and their versions. */
    public Map<String, String> getNettyVersions() {
        return nettyVersions;
    }
}
