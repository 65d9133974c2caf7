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
package dev.iggycamel.component;

import dev.iggycamel.component.transport.InboundMessage;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.spi.HeadersMapFactory;

/** Fills a consumed exchange from a polled message: the payload as byte[], the Iggy headers, the user headers. */
final class IggyInboundConverter {

    private final IggyHeaderMapper headerMapper;
    private final IggyConsumedHeaders headers;
    private final HeadersMapFactory headersMaps;

    IggyInboundConverter(IggyEndpoint endpoint) {
        this.headerMapper = new IggyHeaderMapper(
                endpoint.getHeaderFilterStrategy(), endpoint.getConfiguration().getHeaderPolicy());
        this.headers = new IggyConsumedHeaders(
                endpoint.getConfiguration().getStream(),
                endpoint.getConfiguration().getTopic(),
                endpoint.getConfiguration().getConsumerGroup());
        this.headersMaps = endpoint.getCamelContext().getCamelContextExtension().getHeadersMapFactory();
    }

    void fill(Exchange exchange, InboundMessage message, long partitionId) {
        Message in = exchange.getMessage();
        in.setBody(message.payload());
        // one copy of a sorted map instead of a tree insertion per header
        in.setHeaders(headersMaps.newMap(headers.of(
                partitionId, message.offset(), message.id().toUuid(), message.timestamp(), message.originTimestamp())));
        // user headers never replace the component's own
        headerMapper.fromIggy(message.headers(), in, exchange);
    }
}
