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

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.iggy.message.Message;
import org.junit.jupiter.api.Test;

/**
 * The raw (binary) and text data types of iggy-source and iggy-sink, set in the pipe files' dataTypes: every payload
 * arrives in the other topic exactly as sent, bytes that are no valid UTF-8 included (raw), and text in many scripts
 * whatever the platform charset (text).
 */
class DataTypePipeIT extends CodecPipeTestSupport {

    @Test
    @ProvesLevel(
            target = "raw-bytes",
            direction = "codec",
            level = 3,
            against = "Camel's application-octet-stream data type between two topics of the embedded Iggy server")
    void rawPayloadsArriveByteForByte() throws Exception {
        Random random = new Random(4242);
        List<byte[]> sent = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            byte[] payload = new byte[1 + random.nextInt(i % 10 == 0 ? 8000 : 300)];
            random.nextBytes(payload);
            payload[0] = (byte) i; // every byte value, 0x00 and 0xff included
            sent.add(payload);
        }
        List<Message> received =
                roundTrip("iggy-raw-copy", sent.stream().map(CodecMessages::of).toList());
        for (int i = 0; i < N; i++) {
            assertThat(received.get(i).payload()).as("payload %d", i).isEqualTo(sent.get(i));
        }
    }

    @Test
    @ProvesLevel(
            target = "text-string",
            direction = "codec",
            level = 3,
            against = "Camel's text-plain data type between two topics of the embedded Iggy server")
    void textPayloadsArriveAsTheSameUtf8Text() throws Exception {
        String[] samples = {
            "plain ascii",
            "na\u00efve caf\u00e9",
            "\u20ac 12,50",
            "\u65e5\u672c\u8a9e\u306e\u30c6\u30ad\u30b9\u30c8",
            "\u0627\u0644\u0639\u0631\u0628\u064a\u0629",
            "emoji \ud83d\ude80\ud83d\udc4d",
            "e\u0301 combining",
            "tab\tnew\nline",
            ""
        };
        List<byte[]> sent = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            sent.add((i + ": " + samples[i % samples.length]).getBytes(StandardCharsets.UTF_8));
        }
        List<Message> received =
                roundTrip("iggy-text-copy", sent.stream().map(CodecMessages::of).toList());
        for (int i = 0; i < N; i++) {
            assertThat(new String(received.get(i).payload(), StandardCharsets.UTF_8))
                    .as("text %d", i)
                    .isEqualTo(new String(sent.get(i), StandardCharsets.UTF_8));
        }
    }
}
