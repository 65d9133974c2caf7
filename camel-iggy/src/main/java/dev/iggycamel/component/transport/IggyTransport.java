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
package dev.iggycamel.component.transport;

import java.util.concurrent.CompletableFuture;

/**
 * Opens {@link IggyConnection}s. The one seam between the component and a generation of the Iggy wire protocol:
 * supporting another protocol means another implementation of this and of {@link IggyConnection}, nothing else.
 */
public interface IggyTransport {

    /** Connects and logs in; fails with a message naming the server and the user when it cannot. */
    CompletableFuture<IggyConnection> connect(IggyConnectionSettings settings);
}
