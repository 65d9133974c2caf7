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

import dev.iggycamel.component.transport.IggyTransport;
import dev.iggycamel.component.transport.sdk.SdkIggyTransport;
import dev.iggycamel.component.transport.tcp.TcpIggyTransport;
import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.SSLContextParametersAware;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;

/** The {@code iggy:} component: connection settings its endpoints share, and the transport they use. */
@Component("iggy")
public class IggyComponent extends HealthCheckComponent implements SSLContextParametersAware {

    @Metadata(description = "The shared configuration: the options its endpoints start from.")
    private IggyConfiguration configuration = new IggyConfiguration();

    @Metadata(label = "security", defaultValue = "false")
    private boolean useGlobalSslContextParameters;

    @Metadata(
            label = "advanced",
            autowired = true,
            description = "How the component talks to Iggy, for every endpoint; when not set, each endpoint's"
                    + " transportType chooses.")
    private IggyTransport transport;

    private IggyTransport sdkTransport;
    private IggyTransport nativeTransport;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        String[] path = remaining == null ? new String[] {""} : remaining.split("/", -1);
        String problem = pathProblem(path);
        if (problem != null) {
            throw new IllegalArgumentException("Invalid Iggy endpoint iggy:" + remaining + ": " + problem
                    + "; an Iggy endpoint is iggy:stream/topic (each by name or numeric id)");
        }
        IggyConfigurationValidator.checkNumbers(parameters);
        IggyConfiguration endpointConfiguration = configuration.copy();
        endpointConfiguration.setStream(path[0]);
        endpointConfiguration.setTopic(path[1]);
        IggyEndpoint endpoint = new IggyEndpoint(uri, this, endpointConfiguration);
        setProperties(endpoint, parameters);
        IggyConfigurationValidator.validate(endpoint.getConfiguration());
        return endpoint;
    }

    /** What is wrong with an endpoint's path, or null when it is stream/topic. */
    private static String pathProblem(String[] path) {
        if (path.length > 2) {
            return "it has " + path.length + " path segments, not 2 (a stream or topic name cannot contain /)";
        }
        if (path[0].isBlank()) {
            return "the stream is empty";
        }
        if (path.length < 2) {
            return "the topic is missing";
        }
        return path[1].isBlank() ? "the topic is empty" : null;
    }

    public IggyConfiguration getConfiguration() {
        return configuration;
    }

    /** The shared configuration: the options its endpoints start from. */
    public void setConfiguration(IggyConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public boolean isUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    /** Use the global SSL context parameters when an endpoint configures none. */
    @Override
    public void setUseGlobalSslContextParameters(boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }

    public IggyTransport getTransport() {
        return transport;
    }

    /** How the component talks to Iggy, for every endpoint; when not set, each endpoint's transportType chooses. */
    public void setTransport(IggyTransport transport) {
        this.transport = transport;
    }

    /** The transport an endpoint uses: the component's, else the shared one its transportType names. */
    synchronized IggyTransport transportFor(IggyConfiguration endpointConfiguration) {
        if (transport != null) {
            return transport;
        }
        if ("sdk".equals(endpointConfiguration.getTransportType())) {
            if (sdkTransport == null) {
                sdkTransport = new SdkIggyTransport();
            }
            return sdkTransport;
        }
        if (nativeTransport == null) {
            nativeTransport = new TcpIggyTransport();
        }
        return nativeTransport;
    }
}
