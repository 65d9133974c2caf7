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

import dev.iggycamel.component.IggyConstants;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.camel.Body;
import org.apache.camel.Header;

/** The orders consumed from Iggy, in the order they arrived. */
@ApplicationScoped
public class ReceivedOrders {

    private final Queue<String> received = new ConcurrentLinkedQueue<>();

    /** Records a consumed order as {@code customer|partition|order}. */
    public void add(
            @Header("customer") String customer,
            @Header(IggyConstants.PARTITION_ID) Long partition,
            @Body String order) {
        received.add(customer + "|" + partition + "|" + order);
    }

    /** One line per consumed order. */
    public String lines() {
        return String.join("\n", received);
    }
}
