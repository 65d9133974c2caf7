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
/**
 * The conformance suite: the official Iggy Java SDK 0.8.0, blocking and async, sends every command its TCP client
 * can send and checks what comes back, so that the embedded server can be held to what a real Iggy 0.8.0 server
 * does. By default it runs against the embedded server ({@code ./mvnw -B -pl test-infra verify}); against a real
 * one, started empty with root {@code iggy}/{@code iggy}:
 *
 * <pre>
 * ./mvnw -B -pl test-infra verify -Diggy.instance.type=remote -Diggy.host=H -Diggy.port=P \
 *     [-Diggy.tls.port=T -Diggy.tls.certificate=/path/to/cert.pem]
 * </pre>
 *
 * Without the TLS properties the TLS tests are skipped, with the reason in the report. The suite never resets the
 * server: every test deletes what it created, and fails if the server is not back to empty afterwards.
 */
package dev.iggycamel.testinfra.conformance;
