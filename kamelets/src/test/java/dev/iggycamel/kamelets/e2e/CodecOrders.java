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

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.avro.generic.GenericRecord;
import org.apache.iggy.message.Message;

/**
 * Order i, the record the Avro, Protobuf and Parquet pipes convert: JSON in, the same fields out. Non-ASCII text,
 * a fraction, a boolean, an optional note (null for even i) and 0 to 3 items.
 */
final class CodecOrders {

    private CodecOrders() {}

    /** Orders {@code from} (inclusive) to {@code to} (exclusive) as UTF-8 JSON messages. */
    static List<Message> messages(int from, int to) {
        return CodecMessages.utf8(
                IntStream.range(from, to).mapToObj(CodecOrders::json).toList());
    }

    static String json(int i) {
        return "{\"id\":" + i + ",\"customer\":\"" + customer(i) + "\",\"amount\":" + amount(i) + ",\"paid\":"
                + paid(i) + ",\"note\":" + (note(i) == null ? "null" : "\"" + note(i) + "\"") + ",\"items\":["
                + String.join(",", items(i).stream().map(s -> "\"" + s + "\"").toList()) + "]}";
    }

    static String customer(int i) {
        return "c\u00fcstomer-\u20ac-" + i;
    }

    static double amount(int i) {
        return i * 10.25 + 0.125;
    }

    static boolean paid(int i) {
        return i % 3 == 0;
    }

    static String note(int i) {
        return i % 2 == 0 ? null : "note " + i;
    }

    static List<String> items(int i) {
        return IntStream.range(0, i % 4).mapToObj(k -> "item-" + i + "-" + k).toList();
    }

    /** An Avro record (decoded from Avro binary or read from a Parquet file) holds order i, field for field. */
    static void assertOrder(GenericRecord record, int i) {
        assertThat(record.get("id")).as("id of %d", i).isEqualTo((long) i);
        assertThat(record.get("customer").toString()).isEqualTo(customer(i));
        assertThat(record.get("amount")).isEqualTo(amount(i));
        assertThat(record.get("paid")).isEqualTo(paid(i));
        assertThat(record.get("note") == null ? null : record.get("note").toString())
                .isEqualTo(note(i));
        List<String> items = new ArrayList<>();
        ((List<?>) record.get("items")).forEach(item -> items.add(item.toString()));
        assertThat(items).as("items of %d", i).isEqualTo(items(i));
    }
}
