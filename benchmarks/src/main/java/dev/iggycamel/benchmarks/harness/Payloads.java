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
package dev.iggycamel.benchmarks.harness;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Random alphanumeric payloads (as Iggy's own Java bench uses), made once and reused by every scenario. */
final class Payloads {

    /** Messages per send batch, List body and poll. */
    static final int BATCH = 1000;

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final List<byte[]> payloads;

    Payloads(int size, long seed) {
        Random random = new Random(seed);
        List<byte[]> made = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            byte[] payload = new byte[size];
            for (int c = 0; c < size; c++) {
                payload[c] = (byte) ALPHABET.charAt(random.nextInt(ALPHABET.length()));
            }
            made.add(payload);
        }
        this.payloads = Collections.unmodifiableList(made);
    }

    /** The {@value #BATCH} payloads, as one List body. */
    List<byte[]> batch() {
        return payloads;
    }

    byte[] get(long index) {
        return payloads.get((int) (index % BATCH));
    }

    int size() {
        return payloads.get(0).length;
    }

    @Override
    public String toString() {
        return new String(payloads.get(0), StandardCharsets.US_ASCII).substring(0, Math.min(8, size())) + "...";
    }
}
