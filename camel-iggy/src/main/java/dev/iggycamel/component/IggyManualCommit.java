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
package dev.iggycamel.component;

import java.util.concurrent.CompletableFuture;

/**
 * Stores a consumed message's offset on the Iggy server, with commitMode=manual. Found in the
 * {@code CamelIggyManualCommit} header of each consumed exchange. Committing an offset also commits every earlier
 * offset of the partition.
 */
public interface IggyManualCommit {

    /** Stores this message's offset and waits for the server's acknowledgement; fails if the server refuses. */
    void commit();

    /** Stores this message's offset; the future completes when the server acknowledged it. */
    CompletableFuture<Void> commitAsync();

    /** The partition of the message. */
    long partitionId();

    /** The offset that {@link #commit()} stores. */
    long offset();
}
