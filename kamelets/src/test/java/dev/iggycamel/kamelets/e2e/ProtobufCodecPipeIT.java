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
package dev.iggycamel.kamelets.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Label;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import java.util.List;
import org.apache.iggy.message.Message;
import org.junit.jupiter.api.Test;

/**
 * iggy-json-to-protobuf: JSON messages of one topic written as Protobuf to another by camel-jackson-protobuf
 * (json-deserialize-action, protobuf-serialize-action). The test parses every message with Google's protobuf-java
 * (a DynamicMessage over a descriptor built here, field for field like the pipe's .proto) and compares it with what
 * was sent; unknown fields would mean the wire format went wrong.
 */
class ProtobufCodecPipeIT extends CodecPipeTestSupport {

    @Test
    @ProvesLevel(
            target = "protobuf",
            direction = "codec",
            level = 3,
            against = "camel-jackson-protobuf 4.17.0 in the pipe, parsed by protobuf-java 3.25.5 DynamicMessage")
    void everyMessageIsProtobufTheProtobufLibraryParses() throws Exception {
        List<Message> received = roundTrip("iggy-json-to-protobuf", CodecOrders.messages(0, N));
        Descriptor order = orderDescriptor();
        for (int i = 0; i < N; i++) {
            DynamicMessage message =
                    DynamicMessage.parseFrom(order, received.get(i).payload());
            assertThat(message.getUnknownFields().asMap())
                    .as("unknown fields of %d", i)
                    .isEmpty();
            assertThat(message.isInitialized()).as("required fields of %d", i).isTrue();
            assertThat(message.getField(order.findFieldByName("id")))
                    .as("id of %d", i)
                    .isEqualTo((long) i);
            assertThat(message.getField(order.findFieldByName("customer"))).isEqualTo(CodecOrders.customer(i));
            assertThat(message.getField(order.findFieldByName("amount"))).isEqualTo(CodecOrders.amount(i));
            assertThat(message.getField(order.findFieldByName("paid"))).isEqualTo(CodecOrders.paid(i));
            String note = CodecOrders.note(i);
            assertThat(message.hasField(order.findFieldByName("note")))
                    .as("note of %d present", i)
                    .isEqualTo(note != null);
            if (note != null) {
                assertThat(message.getField(order.findFieldByName("note"))).isEqualTo(note);
            }
            assertThat(message.getField(order.findFieldByName("items")))
                    .as("items of %d", i)
                    .isEqualTo(CodecOrders.items(i));
        }
    }

    /** The pipe's {@code message Order}, built with protobuf-java's own descriptor API. */
    private static Descriptor orderDescriptor() throws Exception {
        DescriptorProto order = DescriptorProto.newBuilder()
                .setName("Order")
                .addField(field("id", 1, Type.TYPE_INT64, Label.LABEL_REQUIRED))
                .addField(field("customer", 2, Type.TYPE_STRING, Label.LABEL_REQUIRED))
                .addField(field("amount", 3, Type.TYPE_DOUBLE, Label.LABEL_REQUIRED))
                .addField(field("paid", 4, Type.TYPE_BOOL, Label.LABEL_REQUIRED))
                .addField(field("note", 5, Type.TYPE_STRING, Label.LABEL_OPTIONAL))
                .addField(field("items", 6, Type.TYPE_STRING, Label.LABEL_REPEATED))
                .build();
        FileDescriptorProto file = FileDescriptorProto.newBuilder()
                .setName("order.proto")
                .setSyntax("proto2")
                .addMessageType(order)
                .build();
        return FileDescriptor.buildFrom(file, new FileDescriptor[0]).findMessageTypeByName("Order");
    }

    private static FieldDescriptorProto field(String name, int number, Type type, Label label) {
        return FieldDescriptorProto.newBuilder()
                .setName(name)
                .setNumber(number)
                .setType(type)
                .setLabel(label)
                .build();
    }
}
