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
package dev.iggycamel.kamelets.validation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The rule violations found in files: each names the file, the rule and what is wrong. */
final class Violations {

    private final List<String> found = new ArrayList<>();

    void check(boolean ok, Path file, String rule, String message) {
        if (!ok) {
            add(file, rule, message);
        }
    }

    void add(Path file, String rule, String message) {
        found.add(file.getFileName() + ": [" + rule + "] " + message);
    }

    List<String> list() {
        return found;
    }

    boolean hasRule(String rule) {
        return found.stream().anyMatch(line -> line.contains("[" + rule + "]"));
    }

    @Override
    public String toString() {
        return String.join(System.lineSeparator(), found);
    }
}
