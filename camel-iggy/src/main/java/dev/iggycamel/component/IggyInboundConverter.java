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

/** Fills a consumed exchange from a polled message: the payload as byte[], the Iggy headers, the user headers. */
final class IggyInboundConverter {

    private final IggyEndpoint endpoint;
    private final IggyHeaderMapper headerMapper;
    private final String consumerGroup;

    IggyInboundConverter(IggyEndpoint endpoint) {
        this.endpoint = endpoint;
        this.headerMapper = new IggyHeaderMapper(
                endpoint.getHeaderFilterStrategy(), endpoint.getConfiguration().getHeaderPolicy());
        this.consumerGroup = endpoint.getConfiguration().getConsumerGroup();
    }

    void fill(Exchange exchange, InboundMessage message, long partitionId) {
        Message in = exchange.getMessage();
        in.setBody(message.payload());
        // user headers first: the component's own headers then win over anything a user header could claim
        headerMapper.fromIggy(message.headers(), in, exchange);
        in.setHeader(IggyConstants.STREAM, endpoint.getConfiguration().getStream());
        in.setHeader(IggyConstants.TOPIC, endpoint.getConfiguration().getTopic());
        in.setHeader(IggyConstants.PARTITION_ID, partitionId);
        in.setHeader(IggyConstants.OFFSET, message.offset());
        in.setHeader(IggyConstants.MESSAGE_ID, message.id().toUuid());
        in.setHeader(IggyConstants.TIMESTAMP, message.timestamp());
        in.setHeader(IggyConstants.ORIGIN_TIMESTAMP, message.originTimestamp());
        if (consumerGroup != null) {
            in.setHeader(IggyConstants.CONSUMER_GROUP, consumerGroup);
        }
    }
}
