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

import org.apache.camel.support.DefaultHeaderFilterStrategy;

/**
 * Keeps Camel's own headers (Camel*, camel*, org.apache.camel.*) and this component's (CamelIggy*) from becoming
 * Iggy user headers, and user headers with those names from entering Camel, so a message can never set a header
 * that steers Camel (such as CamelHttpUri).
 */
public class IggyHeaderFilterStrategy extends DefaultHeaderFilterStrategy {

    // Camel's CAMEL_FILTER_STARTS_WITH is only Camel and camel; lower case, as the names are lower-cased to match
    private static final String[] FILTER_STARTS_WITH = {"camel", "org.apache.camel."};

    public IggyHeaderFilterStrategy() {
        setOutFilterStartsWith(FILTER_STARTS_WITH);
        setInFilterStartsWith(FILTER_STARTS_WITH);
        setLowerCase(true);
    }
}
