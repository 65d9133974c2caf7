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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * iggy-to-parquet: JSON messages written as Parquet files (parquet-file-sink, camel-parquet-avro), one file per poll of
 * iggy-source with batching. The test reads every file with parquet-avro's own reader: every record is there once,
 * intact. While the directory cannot be written, nothing is committed; when it can again, the rest arrives.
 */
class ParquetSinkPipeIT extends PipeTestSupport {

    private static final int N = 1000;

    @TempDir
    Path tmp;

    @Test
    @ProvesLevel(
            target = "parquet-format",
            direction = "sink",
            level = 3,
            against = "camel-parquet-avro 4.17.0 (parquet-avro 1.16.0) writing to a local directory, read back with"
                    + " parquet-avro 1.16.0 AvroParquetReader")
    void everyRecordIsInAParquetFileAndNothingIsCommittedWhileTheDirectoryIsUnwritable() throws Exception {
        String stream = unique("parquet");
        String group = "iggy-to-parquet";
        Path directory = tmp.resolve("orders");
        client.createTopic(stream, "orders", 1);
        client.send(stream, "orders", 0, CodecOrders.messages(0, N));

        Map<String, String> properties = iggyProperties("iggy-source", stream, "orders");
        properties.put("iggy-source.consumerGroup", group);
        properties.put("iggy-source.backoffMax", "500");
        properties.put("parquet-file-sink.directory", directory.toString());
        startPipe("iggy-to-parquet", properties);

        await(
                Duration.ofSeconds(60),
                () -> records(directory).size() >= N,
                () -> records(directory).size() + " of " + N + " records in Parquet files");
        assertRecords(records(directory), 0, N);
        try (Stream<Path> files = parquetFiles(directory)) {
            // pollBatchSize 500: at least two files, none above 500 records
            List<Path> list = files.toList();
            assertThat(list).hasSizeGreaterThanOrEqualTo(2);
            for (Path file : list) {
                assertThat(read(file)).hasSizeLessThanOrEqualTo(500);
                assertThat(file.getFileName().toString()).startsWith("orders-p0-");
            }
        }
        awaitCommitted(stream, "orders", group, N - 1);

        // the directory cannot be written (a regular file stands in its place): nothing is committed
        Path written = tmp.resolve("orders-written");
        Files.move(directory, written);
        Files.writeString(directory, "not a directory");
        client.send(stream, "orders", 0, CodecOrders.messages(N, N + 100));
        Thread.sleep(2000);
        assertThat(client.groupOffset(stream, "orders", group, 0)).isEqualTo(N - 1);
        assertThat(Files.isRegularFile(directory)).isTrue();

        // writable again: the waiting messages arrive, once, and are committed
        Files.delete(directory);
        await(
                Duration.ofSeconds(60),
                () -> records(directory).size() >= 100,
                () -> records(directory).size() + " of 100 records in new Parquet files");
        assertRecords(records(directory), N, N + 100);
        awaitCommitted(stream, "orders", group, N + 99);
        assertRecords(records(written), 0, N);
    }

    private static void assertRecords(List<GenericRecord> records, int from, int to) {
        assertThat(records).hasSize(to - from);
        List<GenericRecord> sorted = new ArrayList<>(records);
        sorted.sort(Comparator.comparingLong(r -> (Long) r.get("id")));
        for (int i = from; i < to; i++) {
            CodecOrders.assertOrder(sorted.get(i - from), i);
        }
    }

    /** Every record of the complete Parquet files of the directory (none while it is missing). */
    private static List<GenericRecord> records(Path directory) {
        List<GenericRecord> records = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return records;
        }
        try (Stream<Path> files = parquetFiles(directory)) {
            files.forEach(file -> records.addAll(read(file)));
        }
        return records;
    }

    private static Stream<Path> parquetFiles(Path directory) {
        try {
            return Files.list(directory)
                    .filter(file -> !file.getFileName().toString().startsWith("."))
                    .sorted();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<GenericRecord> read(Path file) {
        List<GenericRecord> records = new ArrayList<>();
        try (ParquetReader<GenericRecord> reader = AvroParquetReader.<GenericRecord>builder(new LocalInputFile(file))
                .withDataModel(GenericData.get())
                .build()) {
            for (GenericRecord record = reader.read(); record != null; record = reader.read()) {
                records.add(record);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
        return records;
    }
}
