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
package dev.iggycamel.kamelets.e2e;

/** How a test takes a sink's far side away from the pipe, and gives it back. */
interface Outage {

    /** From now on the pipe cannot deliver. */
    void down() throws Exception;

    /** The pipe can deliver again. */
    void up() throws Exception;

    /**
     * Whether the test can still read the far side during the outage (a proxy cut: yes; a lock the test's own reads
     * wait on as well: no), and so check that nothing more arrived.
     */
    default boolean farSideReadableWhileDown() {
        return true;
    }

    /** An outage made of two actions, such as stopping a server in the JVM and starting it again on its port. */
    static Outage of(Action down, Action up) {
        return new Outage() {
            @Override
            public void down() throws Exception {
                down.run();
            }

            @Override
            public void up() throws Exception {
                up.run();
            }
        };
    }

    /** One side of an outage. */
    interface Action {
        void run() throws Exception;
    }
}
