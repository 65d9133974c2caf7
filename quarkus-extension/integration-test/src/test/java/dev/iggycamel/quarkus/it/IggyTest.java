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
package dev.iggycamel.quarkus.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Orders over HTTP into Iggy and back out of a consumer group, on the dev-services embedded Iggy server. */
@QuarkusTest
class IggyTest {

    private static final List<String> CUSTOMERS = List.of("alice", "bob", "carol");
    private static final int ORDERS_PER_CUSTOMER = 20;

    @Test
    void ordersMakeTheRoundTripInOrderPerCustomer() {
        for (int i = 0; i < ORDERS_PER_CUSTOMER; i++) {
            for (String customer : CUSTOMERS) {
                given().header("customer", customer)
                        .body(customer + "-order-" + i)
                        .post("/orders")
                        .then()
                        .statusCode(200)
                        .body(is("stored"));
            }
        }
        int expected = CUSTOMERS.size() * ORDERS_PER_CUSTOMER;

        await().atMost(Duration.ofSeconds(30)).until(() -> received().size() >= expected);
        // and no more come: each order exactly once
        await().during(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(5))
                .until(() -> received().size() == expected);

        List<String[]> received = received();
        for (String customer : CUSTOMERS) {
            List<String[]> ofCustomer =
                    received.stream().filter(line -> line[0].equals(customer)).toList();
            // the customer is the partition key: one partition, so consumed in the order sent
            assertThat(ofCustomer)
                    .extracting(line -> line[2])
                    .containsExactlyElementsOf(IntStream.range(0, ORDERS_PER_CUSTOMER)
                            .mapToObj(i -> customer + "-order-" + i)
                            .toList());
            assertThat(ofCustomer)
                    .extracting(line -> line[1])
                    .containsOnly(ofCustomer.get(0)[1]);
        }
    }

    /** The consumed orders as {customer, partition, order}. */
    private static List<String[]> received() {
        String body =
                given().get("/orders/received").then().statusCode(200).extract().asString();
        List<String[]> lines = new ArrayList<>();
        Arrays.stream(body.split("\n"))
                .filter(line -> !line.isEmpty())
                .forEach(line -> lines.add(line.split("\\|", 3)));
        return lines;
    }
}
