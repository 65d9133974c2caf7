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

import java.util.concurrent.atomic.LongAdder;

/** Counters of one endpoint, shown over JMX (on the endpoint) and in the iggy dev console. */
public final class IggyStatistics {

    final LongAdder messagesSent = new LongAdder();
    final LongAdder framesSent = new LongAdder();
    final LongAdder bytesSent = new LongAdder();
    final LongAdder sendErrors = new LongAdder();
    final LongAdder messagesPolled = new LongAdder();
    final LongAdder polls = new LongAdder();
    final LongAdder offsetsCommitted = new LongAdder();
    final LongAdder processingErrors = new LongAdder();
    final LongAdder reconnects = new LongAdder();

    public long messagesSent() {
        return messagesSent.sum();
    }

    public long framesSent() {
        return framesSent.sum();
    }

    public long bytesSent() {
        return bytesSent.sum();
    }

    public long sendErrors() {
        return sendErrors.sum();
    }

    public long messagesPolled() {
        return messagesPolled.sum();
    }

    public long polls() {
        return polls.sum();
    }

    public long offsetsCommitted() {
        return offsetsCommitted.sum();
    }

    public long processingErrors() {
        return processingErrors.sum();
    }

    public long reconnects() {
        return reconnects.sum();
    }
}
