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
package com.example.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.iggycamel.embedded.EmbeddedIggyServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The YAML routes as Camel Main finds them (classpath:camel/*), on an embedded Iggy server: every reading recorded
 * through iggy-sink is archived through iggy-source, once, intact.
 */
class ArchiveRoundTripTest {

    private static final int READINGS = 100;

    @Test
    void everyReadingIsArchived(@TempDir Path archive) throws Exception {
        try (EmbeddedIggyServer iggy = EmbeddedIggyServer.builder().port(0).build().start()) {
            Main main = new Main();
            main.addOverrideProperty("iggy.port", Integer.toString(iggy.port()));
            main.addOverrideProperty("readings.count", Integer.toString(READINGS));
            main.addOverrideProperty("archive.dir", archive.toString());
            main.start();
            try {
                long deadline = System.currentTimeMillis() + 60_000;
                while (files(archive).size() < READINGS) {
                    if (System.currentTimeMillis() > deadline) {
                        fail(files(archive).size() + " of " + READINGS + " readings archived");
                    }
                    Thread.sleep(100);
                }
                Thread.sleep(500); // nothing more may come
            } finally {
                main.stop();
            }
            Set<String> expected = IntStream.rangeClosed(1, READINGS)
                    .mapToObj(i -> "{\"reading\": " + i + ", \"celsius\": 21.5}")
                    .collect(Collectors.toCollection(TreeSet::new));
            Set<String> archived = new TreeSet<>();
            for (Path file : files(archive)) {
                archived.add(Files.readString(file));
            }
            assertEquals(READINGS, files(archive).size());
            assertEquals(expected, archived);
            System.out.println("Archived " + archived.size() + " readings through iggy-sink and iggy-source");
        }
    }

    private static Set<Path> files(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith("reading-"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
