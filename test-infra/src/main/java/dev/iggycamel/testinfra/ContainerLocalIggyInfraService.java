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
package dev.iggycamel.testinfra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * A real Iggy server in a Testcontainers container (image pinned in {@code container.properties}, overridden by
 * {@code -Diggy.container}). It needs a Docker engine: {@link #isAvailable()} says whether one answers.
 */
public class ContainerLocalIggyInfraService implements IggyInfraService {

    private static final int TCP_PORT = 8090;

    private GenericContainer<?> container;

    /** The image to run: {@code -Diggy.container} or the pinned default. */
    public static String image() {
        String override = System.getProperty(IggyProperties.CONTAINER_IMAGE);
        if (override != null) {
            return override;
        }
        Properties properties = new Properties();
        try (InputStream in = ContainerLocalIggyInfraService.class.getResourceAsStream("container.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read container.properties", e);
        }
        return properties.getProperty("iggy.container");
    }

    /** Whether Testcontainers is on the class path and a Docker engine answers. */
    public static boolean isAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (NoClassDefFoundError e) {
            return false;
        }
    }

    @Override
    @SuppressWarnings("resource")
    public void initialize() {
        container = new GenericContainer<>(DockerImageName.parse(image()))
                .withEnv("IGGY_ROOT_USERNAME", username())
                .withEnv("IGGY_ROOT_PASSWORD", password())
                .withEnv("IGGY_TCP_ADDRESS", "0.0.0.0:" + TCP_PORT)
                .withExposedPorts(TCP_PORT)
                .waitingFor(Wait.forListeningPort());
        container.start();
        registerProperties();
    }

    @Override
    public void shutdown() {
        if (container != null) {
            container.stop();
            container = null;
        }
    }

    @Override
    public String host() {
        return container.getHost();
    }

    @Override
    public int port() {
        return container.getMappedPort(TCP_PORT);
    }

    @Override
    public String username() {
        return IggyProperties.DEFAULT_USERNAME;
    }

    @Override
    public String password() {
        return IggyProperties.DEFAULT_PASSWORD;
    }
}
