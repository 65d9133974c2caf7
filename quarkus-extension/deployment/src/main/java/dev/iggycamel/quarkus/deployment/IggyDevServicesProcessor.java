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

import io.quarkus.deployment.IsDevServicesSupportedByLaunchMode;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.CuratedApplicationShutdownBuildItem;
import io.quarkus.deployment.builditem.DevServicesResultBuildItem;
import io.quarkus.deployment.dev.devservices.DevServicesConfig;
import io.quarkus.deployment.logging.LoggingSetupBuildItem;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Dev services: in dev and test mode, with no Iggy server configured, starts the embedded Iggy server on a free port
 * and points {@code camel.component.iggy.host} and {@code .port} at it.
 *
 * <p>The server runs in the build's class loader and is reused across live reloads while its settings stay the same.
 * It is published as a discovered service: Quarkus' owned dev services need the quarkus-devservices extension,
 * which brings Testcontainers and docker-java into every build for a server that needs neither.
 */
class IggyDevServicesProcessor {

    static final String HOST = "camel.component.iggy.host";
    static final String PORT = "camel.component.iggy.port";
    static final String USERNAME = "camel.component.iggy.username";
    static final String PASSWORD = "camel.component.iggy.password";

    private static final Logger LOG = Logger.getLogger(IggyDevServicesProcessor.class);

    @BuildStep(onlyIf = {IsDevServicesSupportedByLaunchMode.class, DevServicesConfig.Enabled.class})
    DevServicesResultBuildItem startIggyDevService(
            IggyBuildTimeConfig config,
            CuratedApplicationShutdownBuildItem shutdown,
            // the server logs while starting: let Quarkus set up logging first
            LoggingSetupBuildItem loggingSetup) {
        // the close task is taken on the application's first build only (false = not on every live reload): the
        // server outlives reloads, and whichever one runs when the application closes is stopped
        shutdown.addCloseTask(IggyDevServer::stop, false);
        Config applicationConfig = ConfigProvider.getConfig();
        String reason = reasonNotToStart(config, applicationConfig);
        if (reason != null) {
            LOG.debugf("Dev Services for Camel Iggy not started: %s", reason);
            IggyDevServer.stop();
            return null;
        }
        IggyDevServer.Settings settings = new IggyDevServer.Settings(
                config.devservices().port().orElse(0),
                applicationConfig.getOptionalValue(USERNAME, String.class).orElse(null),
                applicationConfig.getOptionalValue(PASSWORD, String.class).orElse(null));
        IggyDevServer.Started started = IggyDevServer.start(settings);
        if (started.isNew()) {
            LOG.infof(
                    "Dev Services for Camel Iggy started an embedded Iggy server at %s:%d (%s, %s)",
                    started.host(), started.port(), HOST, PORT);
        }
        return DevServicesResultBuildItem.discovered()
                .name(IggyProcessor.FEATURE)
                .description("Embedded Iggy server")
                .config(Map.of(HOST, started.host(), PORT, String.valueOf(started.port())))
                .build();
    }

    /** Why no dev service starts, or null when it should. */
    static String reasonNotToStart(IggyBuildTimeConfig config, Config applicationConfig) {
        if (!config.devservices().enabled()) {
            return "quarkus.camel.iggy.devservices.enabled is false";
        }
        for (String key : new String[] {HOST, PORT}) {
            if (applicationConfig.getOptionalValue(key, String.class).isPresent()) {
                return key + " is set";
            }
        }
        return null;
    }
}
