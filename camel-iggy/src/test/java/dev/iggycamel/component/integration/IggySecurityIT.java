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
package dev.iggycamel.component.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iggycamel.testinfra.IggyTestClient;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Logging in: wrong credentials and missing resources fail the route's start, naming them; tokens work. */
class IggySecurityIT extends IggyITSupport {

    private final String stream = uniqueStream();
    private IggyTestClient iggyClient;

    @BeforeEach
    void connect() {
        iggyClient = new IggyTestClient(iggy);
    }

    @AfterEach
    void cleanUp() throws Exception {
        context.stop();
        iggyClient.sdk().personalAccessTokens().getPersonalAccessTokens().stream()
                .filter(token -> token.name().startsWith("camel-"))
                .forEach(token -> iggyClient.sdk().personalAccessTokens().deletePersonalAccessToken(token.name()));
        iggyClient.deleteStream(stream);
        iggyClient.close();
    }

    @Override
    public boolean isUseRouteBuilder() {
        return false;
    }

    @Test
    void wrongCredentialsFailTheRouteStartNamingTheUser() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("iggy:" + stream + "/t?consumerGroup=g&username=" + iggy.username() + "&password=wrong")
                        .to("mock:out");
            }
        });

        assertThatThrownBy(() -> context.start())
                .hasStackTraceContaining("Cannot connect to Iggy at tcp://" + iggy.host() + ":" + iggy.port())
                .hasStackTraceContaining("as user " + iggy.username())
                .hasStackTraceContaining("invalid username or password (42)");
    }

    @Test
    void aProducerWithWrongCredentialsFailsItsStartToo() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").to("iggy:" + stream + "/t?username=nobody&password=secret");
            }
        });

        assertThatThrownBy(() -> context.start())
                .hasStackTraceContaining("as user nobody")
                .hasStackTraceContaining("invalid username or password (42)");
    }

    @Test
    void aMissingStreamWithoutAutoCreateFailsTheStartNamingTheStream() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("iggy:" + stream + "/t?consumerGroup=g&autoCreateStream=false")
                        .to("mock:out");
            }
        });

        assertThatThrownBy(() -> context.start())
                .hasStackTraceContaining("Iggy stream " + stream + " does not exist")
                .hasStackTraceContaining("set autoCreateStream=true");
    }

    @Test
    void aPersonalAccessTokenLogsIn() throws Exception {
        String token = iggyClient
                .sdk()
                .personalAccessTokens()
                .createPersonalAccessToken("camel-" + stream, BigInteger.ZERO)
                .token();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").to("iggy:" + stream + "/t?personalAccessToken=RAW(" + token + ")");
                from("iggy:" + stream + "/t?consumerGroup=g&personalAccessToken=RAW(" + token + ")")
                        .to("mock:out");
            }
        });
        MockEndpoint out = context.getEndpoint("mock:out", MockEndpoint.class);
        out.expectedMessageCount(1);
        context.start();

        context.createProducerTemplate().sendBody("direct:in", "by token");

        out.assertIsSatisfied(10_000);
        assertThat(new String(out.getExchanges().get(0).getMessage().getBody(byte[].class), StandardCharsets.UTF_8))
                .isEqualTo("by token");
    }
}
