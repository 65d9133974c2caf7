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

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.iggy.message.Message;

/**
 * A codec pipe between two topics of one stream (iggy-source on "in", a data format action, iggy-sink on "out"): the
 * test sends, the pipe converts, the test decodes what arrived with the format's own library.
 */
abstract class CodecPipeTestSupport extends PipeTestSupport {

    static final int N = 1000;

    /**
     * Sends the messages to "in" of a new stream, runs the pipe (consumer group: the pipe's name) and returns what
     * arrived in "out", in order, once as many messages arrived as were sent and the input is committed.
     */
    List<Message> roundTrip(String pipe, List<Message> sent) throws Exception {
        String stream = unique(pipe);
        client.createTopic(stream, "in", 1);
        client.createTopic(stream, "out", 1);
        client.send(stream, "in", 0, sent);

        Map<String, String> properties = iggyProperties("iggy-source", stream, "in");
        properties.putAll(iggyProperties("iggy-sink", stream, "out"));
        properties.put("iggy-source.consumerGroup", pipe);
        startPipe(pipe, properties);

        awaitInIggy(stream, "out", sent.size(), Duration.ofSeconds(60));
        awaitCommitted(stream, "in", pipe, sent.size() - 1);
        List<Message> received = client.all(stream, "out", 0);
        assertThat(received).hasSize(sent.size());
        return received;
    }
}
