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
package dev.iggycamel.it.springboot;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** Greetings go to the Iggy topic it/greetings and are read back in the consumer group readers. */
@SpringBootApplication
public class GreetingsApplication {

    public static void main(String[] args) {
        SpringApplication.run(GreetingsApplication.class, args);
    }

    @Bean
    RouteBuilder greetingRoutes() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:greet").routeId("send-greetings").to("iggy:it/greetings");
                from("iggy:it/greetings?consumerGroup=readers")
                        .routeId("read-greetings")
                        .convertBodyTo(String.class)
                        .to("mock:greetings");
            }
        };
    }
}
