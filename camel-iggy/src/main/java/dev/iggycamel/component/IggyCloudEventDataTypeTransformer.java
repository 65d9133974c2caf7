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

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.apache.camel.Message;
import org.apache.camel.spi.DataType;
import org.apache.camel.spi.DataTypeTransformer;
import org.apache.camel.spi.Transformer;

/**
 * Describes a consumed Iggy message as a CloudEvent (the {@code cloudevents} data type of the iggy-source Kamelet):
 * sets the CloudEvent attribute headers from the message's id, stream, topic, partition, offset and timestamp, and
 * leaves the body as it is. Sinks that speak CloudEvents (HTTP, Knative) turn the headers into ce- attributes.
 */
@DataTypeTransformer(
        name = "iggy:application-cloudevents",
        description = "Adds CloudEvent attribute headers (id, type, source, subject, time) to a consumed Iggy message")
public class IggyCloudEventDataTypeTransformer extends Transformer {

    /** The CloudEvent type of every Iggy message. */
    public static final String EVENT_TYPE = "dev.iggycamel.iggy.message";

    @Override
    public void transform(Message message, DataType from, DataType to) {
        Object id = message.getHeader(IggyConstants.MESSAGE_ID);
        message.setHeader(
                "CamelCloudEventID",
                id != null ? id.toString() : message.getExchange().getExchangeId());
        message.setHeader("CamelCloudEventType", EVENT_TYPE);
        message.setHeader(
                "CamelCloudEventSource",
                "iggy://" + message.getHeader(IggyConstants.STREAM) + "/" + message.getHeader(IggyConstants.TOPIC));
        message.setHeader(
                "CamelCloudEventSubject",
                message.getHeader(IggyConstants.PARTITION_ID) + "/" + message.getHeader(IggyConstants.OFFSET));
        Long micros = message.getHeader(IggyConstants.TIMESTAMP, Long.class);
        if (micros != null) {
            message.setHeader(
                    "CamelCloudEventTime",
                    Instant.EPOCH.plus(micros, ChronoUnit.MICROS).toString());
        }
    }
}
