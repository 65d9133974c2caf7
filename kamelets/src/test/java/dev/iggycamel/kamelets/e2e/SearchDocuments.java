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

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.apache.iggy.message.HeaderKey;
import org.apache.iggy.message.HeaderValue;
import org.apache.iggy.message.Message;

/**
 * Documents as the Elasticsearch and OpenSearch tests index them: message i is {@code {"n":i,"text":"document i"}}
 * with the document id doc-i in its indexId header.
 */
final class SearchDocuments {

    private SearchDocuments() {}

    static List<Message> messages(int from, int to) {
        return IntStream.range(from, to)
                .mapToObj(i -> Message.of(
                        "{\"n\":" + i + ",\"text\":\"document " + i + "\"}",
                        Map.of(HeaderKey.fromString("indexId"), HeaderValue.fromString(id(i)))))
                .toList();
    }

    static String id(int i) {
        return "doc-" + i;
    }

    /** Document i's source as Camel's Jsoner parses it (numbers as BigDecimal), sorted by field. */
    static Map<String, Object> source(int i) {
        return new TreeMap<>(Map.of("n", BigDecimal.valueOf(i), "text", "document " + i));
    }
}
