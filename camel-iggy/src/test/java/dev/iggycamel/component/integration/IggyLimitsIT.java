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

import dev.iggycamel.testinfra.IggyTestClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the server refuses fails exactly the exchange that carried it. */
class IggyLimitsIT extends IggyITSupport {

    private final String stream = uniqueStream();

    @AfterEach
    void cleanUp() {
        try (IggyTestClient client = new IggyTestClient(iggy)) {
            client.deleteStream(stream);
        }
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").to("iggy:" + stream + "/t");
            }
        };
    }

    @Test
    void aPayloadOverTheServersLimitFailsItsExchangeAndTheOthersInFlightSucceed() {
        List<CompletableFuture<Exchange>> small = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            int n = i;
            small.add(template.asyncSend("direct:in", e -> e.getMessage().setBody("small " + n)));
        }
        // the server takes payloads of at most 64,000,000 bytes (TooBigMessagePayload, 4022)
        CompletableFuture<Exchange> huge =
                template.asyncSend("direct:in", e -> e.getMessage().setBody(new byte[64_000_001]));
        for (int i = 10; i < 20; i++) {
            int n = i;
            small.add(template.asyncSend("direct:in", e -> e.getMessage().setBody("small " + n)));
        }

        Exception failure = huge.join().getException();
        assertThat(failure).isNotNull();
        assertThat(failure.getMessage())
                .contains("Cannot send 1 message(s) to Iggy " + stream + "/t")
                .contains("message payload too big (4022)");
        for (CompletableFuture<Exchange> sent : small) {
            assertThat(sent.join().getException()).isNull();
        }
        try (IggyTestClient client = new IggyTestClient(iggy)) {
            assertThat(client.all(stream, "t", 0)).hasSize(20);
        }
    }
}
