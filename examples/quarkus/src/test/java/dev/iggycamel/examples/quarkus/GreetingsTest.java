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
package dev.iggycamel.examples.quarkus;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The greetings go into Iggy (the dev-services embedded server) and come back, in order, each once. */
@QuarkusTest
class GreetingsTest {

    @Test
    void greetingsComeBackFromIggy() {
        List<String> sent =
                IntStream.rangeClosed(1, 25).mapToObj(i -> "hello " + i).toList();
        for (String greeting : sent) {
            given().body(greeting).post("/greetings").then().statusCode(200).body(is("sent"));
        }

        String expected = String.join("\n", sent);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> given().get("/greetings").then().statusCode(200).body(equalTo(expected)));
        // nothing read twice
        await().during(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> given().get("/greetings").then().body(equalTo(expected)));
    }
}
