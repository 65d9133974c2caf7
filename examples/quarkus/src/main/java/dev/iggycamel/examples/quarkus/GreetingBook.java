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
package dev.iggycamel.examples.quarkus;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.ArrayDeque;
import java.util.Deque;

/** The newest greetings read back from Iggy; the routes in {@code routes/greetings.camel.yaml} use it as a bean. */
@ApplicationScoped
@Named("greetingBook")
public class GreetingBook {

    private static final int KEPT = 100;

    private final Deque<String> greetings = new ArrayDeque<>();

    /** Keeps a greeting, dropping the oldest beyond {@value #KEPT}. */
    public synchronized void add(String greeting) {
        if (greetings.size() == KEPT) {
            greetings.removeFirst();
        }
        greetings.addLast(greeting);
    }

    /** The kept greetings, oldest first, one a line. */
    public synchronized String list() {
        return String.join("\n", greetings);
    }
}
