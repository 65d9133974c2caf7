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

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.iggy.message.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * iggy-to-log, the stdout reference connector: every message is logged through camel-log by the real logging backend
 * of the tests (slf4j-simple, which writes each line to the current System.err). The test captures System.err and
 * finds each message's line, with its body and its Iggy offset header, in order.
 *
 * <p>A log has no "down": writing a log line does not fail, so there is no outage to wait out; the delivery promise
 * reduces to "each message is logged, then committed", checked with the group's offset.
 */
class LogSinkPipeIT extends PipeTestSupport {

    private static final int N = 1000;

    private PrintStream originalErr;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    /** System.err copied into a buffer (slf4j-simple looks System.err up for every line). */
    private void captureStandardError() {
        originalErr = System.err;
        OutputStream tee = new OutputStream() {
            @Override
            public void write(int b) {
                originalErr.write(b);
                synchronized (captured) {
                    captured.write(b);
                }
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                originalErr.write(bytes, offset, length);
                synchronized (captured) {
                    captured.write(bytes, offset, length);
                }
            }
        };
        System.setErr(new PrintStream(tee, true, Charset.defaultCharset()));
    }

    @AfterEach
    void restoreStandardError() {
        if (originalErr != null) {
            System.setErr(originalErr);
        }
    }

    private List<String> linesOf(String logger) {
        String text;
        synchronized (captured) {
            text = captured.toString(Charset.defaultCharset());
        }
        return Arrays.stream(text.split("\\R"))
                .filter(line -> line.contains(" " + logger + " - "))
                .toList();
    }

    @Test
    @ProvesLevel(
            target = "log",
            direction = "sink",
            level = 3,
            against = "camel-log 4.17.0 through SLF4J 2.0.17 and slf4j-simple, output captured from System.err")
    void everyMessageIsLoggedWithItsBodyAndHeaders() throws Exception {
        String stream = unique("log");
        String group = "iggy-to-log";
        String logger = unique("iggy-to-log");
        client.createTopic(stream, "events", 1);
        client.send(stream, "events", 0, messages(stream));

        captureStandardError();
        Map<String, String> properties = iggyProperties("iggy-source", stream, "events");
        properties.put("iggy-source.consumerGroup", group);
        properties.put("log-sink.loggerName", logger);
        startPipe("iggy-to-log", properties);

        await(
                Duration.ofSeconds(60),
                () -> linesOf(logger).size() >= N,
                () -> linesOf(logger).size() + " of " + N + " messages logged");
        await(
                Duration.ofSeconds(10),
                () -> client.groupOffset(stream, "events", group, 0) == N - 1,
                () -> "offset " + client.groupOffset(stream, "events", group, 0));
        List<String> lines = linesOf(logger);
        assertThat(lines).hasSize(N);
        for (int i = 0; i < N; i++) {
            String line = lines.get(i);
            assertThat(line).as("line %d", i).contains(" INFO " + logger + " - Exchange[");
            assertThat(line).as("line %d", i).contains("Body: " + body(stream, i) + "]");
            assertThat(line).as("line %d", i).contains("CamelIggyOffset=" + i + ",");
            assertThat(line).as("line %d", i).contains("CamelIggyStream=" + stream);
        }
    }

    private static String body(String stream, int i) {
        return "{\"stream\":\"" + stream + "\",\"n\":" + i + ",\"text\":\"message number " + i + "\"}";
    }

    private static List<Message> messages(String stream) {
        return IntStream.range(0, N)
                .mapToObj(i -> CodecMessages.utf8(body(stream, i)))
                .toList();
    }
}
