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

/** Where a consumer starts reading each partition. */
public enum IggyPollingStrategy {
    /** After the offset the consumer (or group) stored; from the first message when none is stored. */
    next,
    /** From the first message, whatever is stored. */
    first,
    /** From the newest messages: the last pollBatchSize of them. */
    last,
    /** From the offset in startOffset. */
    offset,
    /** From the first message stored at or after startTimestamp. */
    timestamp
}
