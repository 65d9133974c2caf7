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
package dev.iggycamel.examples.springboot;

import dev.iggycamel.component.IggyConstants;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Ships an order consumed from Iggy: here it logs it, with where it came from, and remembers it. */
@Component
public class Shipping {

    private static final Logger LOG = LoggerFactory.getLogger(Shipping.class);

    private final List<String> shipped = new CopyOnWriteArrayList<>();

    public void ship(
            @Body String order,
            @Header(IggyConstants.PARTITION_ID) long partition,
            @Header(IggyConstants.OFFSET) long offset) {
        shipped.add(order);
        LOG.info("shipped {} (partition {}, offset {})", order, partition, offset);
    }

    /** The orders shipped so far, in the order they were shipped. */
    public List<String> shipped() {
        return List.copyOf(shipped);
    }
}
