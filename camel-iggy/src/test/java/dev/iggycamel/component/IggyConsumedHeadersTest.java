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

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.util.CaseInsensitiveMap;
import org.junit.jupiter.api.Test;

/** The component's headers of a consumed message, as the sorted view Camel's headers map copies. */
class IggyConsumedHeadersTest {

    @Test
    void aCaseInsensitiveCopyHoldsEveryHeaderWithItsValue() {
        UUID id = UUID.randomUUID();
        IggyConsumedHeaders headers = new IggyConsumedHeaders("orders", "created", "billing");

        Map<String, Object> copy = new CaseInsensitiveMap(headers.of(3, 42, id, 1_000L, 7L));

        assertThat(copy)
                .hasSize(8)
                .containsEntry(IggyConstants.STREAM, "orders")
                .containsEntry(IggyConstants.TOPIC, "created")
                .containsEntry(IggyConstants.PARTITION_ID, 3L)
                .containsEntry(IggyConstants.OFFSET, 42L)
                .containsEntry(IggyConstants.MESSAGE_ID, id)
                .containsEntry(IggyConstants.TIMESTAMP, 1_000L)
                .containsEntry(IggyConstants.ORIGIN_TIMESTAMP, 7L)
                .containsEntry(IggyConstants.CONSUMER_GROUP, "billing");
        assertThat(copy.get("camELiggyOFFSET")).as("case-insensitive").isEqualTo(42L);
    }

    @Test
    void itIsSortedAsCamelSortsHeadersAndHasNoGroupWithoutOne() {
        IggyConsumedHeaders headers = new IggyConsumedHeaders("s", "t", null).of(0, 1, UUID.randomUUID(), 2, 3);

        List<String> keys = new ArrayList<>(headers.keySet());
        List<String> sorted = new ArrayList<>(keys);
        sorted.sort(String.CASE_INSENSITIVE_ORDER);

        assertThat(keys).hasSize(7).doesNotContain(IggyConstants.CONSUMER_GROUP).isEqualTo(sorted);
        assertThat(headers.comparator()).isSameAs(String.CASE_INSENSITIVE_ORDER);
        assertThat(headers.firstKey()).isEqualTo(sorted.get(0));
        assertThat(headers.lastKey()).isEqualTo(sorted.get(6));
    }

    @Test
    void eachMessageGetsItsOwnValues() {
        IggyConsumedHeaders headers = new IggyConsumedHeaders("s", "t", null);

        Map<String, Object> first = new CaseInsensitiveMap(headers.of(0, 1, UUID.randomUUID(), 10, 0));
        Map<String, Object> second = new CaseInsensitiveMap(headers.of(0, 2, UUID.randomUUID(), 20, 0));

        assertThat(first).containsEntry(IggyConstants.OFFSET, 1L).containsEntry(IggyConstants.TIMESTAMP, 10L);
        assertThat(second).containsEntry(IggyConstants.OFFSET, 2L).containsEntry(IggyConstants.TIMESTAMP, 20L);
    }
}
