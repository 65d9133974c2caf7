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
package dev.iggycamel.quarkus.deployment;

import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.OptionalInt;

/** Build time configuration of the Camel Quarkus Iggy extension. */
@ConfigMapping(prefix = "quarkus.camel.iggy")
@ConfigRoot(phase = ConfigPhase.BUILD_TIME)
public interface IggyBuildTimeConfig {

    /** Dev services: an embedded Iggy server for dev and test mode. */
    DevServices devservices();

    /** Dev services: an embedded Iggy server for dev and test mode. */
    interface DevServices {

        /**
         * Whether an embedded Iggy server starts in dev and test mode when neither {@code camel.component.iggy.host}
         * nor {@code camel.component.iggy.port} is set; the component is then pointed at it. Dev services as a whole
         * are switched off with {@code quarkus.devservices.enabled=false}.
         */
        @WithDefault("true")
        boolean enabled();

        /** The port of the embedded Iggy server; a free port when unset. */
        OptionalInt port();
    }
}
