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
package dev.iggycamel.kamelets.utils;

import dev.iggycamel.component.IggyConstants;
import dev.iggycamel.component.IggyManualCommit;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * The iggy-manual-commit-action: stores the offset of the message in hand (header {@code CamelIggyManualCommit},
 * present when iggy-source runs with commitMode=manual) and waits for Iggy to confirm it. A message without the
 * header fails with a message saying why, rather than being skipped silently.
 */
public class ManualCommit implements Processor {

    @Override
    public void process(Exchange exchange) {
        IggyManualCommit commit = exchange.getMessage().getHeader(IggyConstants.MANUAL_COMMIT, IggyManualCommit.class);
        if (commit == null) {
            throw new IllegalStateException("No " + IggyConstants.MANUAL_COMMIT + " header: the"
                    + " iggy-manual-commit-action needs messages from iggy-source with commitMode=manual");
        }
        commit.commit();
    }
}
