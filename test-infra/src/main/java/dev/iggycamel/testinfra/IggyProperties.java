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

/** The system properties that choose and describe the Iggy server tests run against. */
public final class IggyProperties {

    /** {@code embedded} (default), {@code remote} or {@code container}. */
    public static final String INSTANCE_TYPE = "iggy.instance.type";

    public static final String HOST = "iggy.host";
    public static final String PORT = "iggy.port";
    public static final String USERNAME = "iggy.username";
    public static final String PASSWORD = "iggy.password";
    /** A remote server's TLS listener, for TLS tests: its port and the PEM certificate to trust. */
    public static final String TLS_PORT = "iggy.tls.port";

    public static final String TLS_CERTIFICATE = "iggy.tls.certificate";
    /** The image of the container instance type (default in container.properties). */
    public static final String CONTAINER_IMAGE = "iggy.container";

    public static final String EMBEDDED = "embedded";
    public static final String REMOTE = "remote";
    public static final String CONTAINER = "container";

    public static final String DEFAULT_USERNAME = "iggy";
    public static final String DEFAULT_PASSWORD = "iggy";

    private IggyProperties() {}
}
