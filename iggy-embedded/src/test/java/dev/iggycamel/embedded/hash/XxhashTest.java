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
package dev.iggycamel.embedded.hash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import net.openhft.hashing.LongHashFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class XxhashTest {

    /** Vectors from the reference xxHash (Python xxhash 3.x), covering every length class of both algorithms. */
    @ParameterizedTest
    @CsvSource({
        "'', 02cc5d05, 2d06800538d394c2",
        "a, 550d7456, e6c632b61e964e1f",
        "abc, 32d153ff, 78af5f94892f3950",
        "test-key, 966cc3e7, 319054486e9453ef",
        "order-42, bbc33ad1, 79cca5910b9ace3c",
        "0123456789abcdef, c2c45b69, 64439946d8fa212d",
        "'The quick brown fox jumps over the lazy dog', e85ea4de, ce7d19a5418fb365"
    })
    void matchesReferenceVectorsForText(String text, String xxh32, String xxh3) {
        byte[] data = text.getBytes(StandardCharsets.UTF_8);
        assertThat(Integer.toHexString(Xxh32.hash(data))).isEqualTo(xxh32.replaceFirst("^0+(?!$)", ""));
        assertThat(Long.toHexString(Xxh3.hash(data))).isEqualTo(xxh3.replaceFirst("^0+(?!$)", ""));
    }

    @ParameterizedTest
    @CsvSource({
        "100, 7f89ba44, 4e4f921a64bd1c",
        "129, 6572cb97, ec7642b431ba3e5a",
        "240, 1fd0fbb0, 375a384d957fe865",
        "241, 5b9a61e5, 2e8cd95421c6d02",
        "1024, 69dd7c7e, e5d78bafa45b2aa5",
        "1025, d6a1188a, e95c42288f28186e",
        "5000, 449f80e0, b418500fc42320ee"
    })
    void matchesReferenceVectorsForLongInputs(int length, String xxh32, String xxh3) {
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++) {
            data[i] = (byte) (length == 100 ? i : i % 251);
        }
        assertThat(Integer.toHexString(Xxh32.hash(data))).isEqualTo(xxh32);
        assertThat(Long.toHexString(Xxh3.hash(data))).isEqualTo(xxh3);
    }

    @Test
    void routesTheSpecKeyVectorsToTheServersPartitions() {
        int hash = Xxh32.hash("test-key".getBytes(StandardCharsets.UTF_8));
        assertThat(hash).isEqualTo(0x966CC3E7);
        assertThat(Integer.remainderUnsigned(hash, 2)).isEqualTo(1);
        assertThat(Integer.remainderUnsigned(hash, 3)).isZero();
        assertThat(Integer.remainderUnsigned(hash, 4)).isEqualTo(3);
        assertThat(Integer.remainderUnsigned(hash, 10)).isEqualTo(9);
    }

    @Test
    void xxh3AgreesWithAnIndependentImplementationOnRandomInputs() {
        Random random = new Random(42);
        LongHashFunction reference = LongHashFunction.xx3();
        for (int length = 0; length <= 3000; length += 1 + length / 40) {
            byte[] data = new byte[length + 7];
            random.nextBytes(data);
            int offset = random.nextInt(8);
            int size = Math.min(length, data.length - offset);
            assertThat(Xxh3.hash(data, offset, size))
                    .as("length %d at offset %d", size, offset)
                    .isEqualTo(reference.hashBytes(data, offset, size));
        }
    }
}
