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

import static dev.iggycamel.kamelets.e2e.FileMessages.byFileHeader;
import static dev.iggycamel.kamelets.e2e.FileMessages.files;
import static dev.iggycamel.kamelets.e2e.FileMessages.messages;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * iggy-to-file and file-to-iggy (this project's file-sink / file-source over Camel's file component) on the real local
 * filesystem: one file per message, named by the message's file header, and back.
 */
class LocalFilesystemPipeIT extends PipeTestSupport {

    private static final int N = 1000;

    @TempDir
    Path dir;

    @Test
    @ProvesLevel(target = "local-filesystem", direction = "sink", level = 3, against = "the local filesystem")
    void everyMessageBecomesAFileAndNothingIsCommittedWhileTheDirectoryCannotBeWritten() throws Exception {
        String stream = unique("file");
        String group = "iggy-to-file";
        Path out = dir.resolve("out");
        client.createTopic(stream, "events", 1);
        client.send(stream, "events", 0, messages(0, N));

        Map<String, String> properties = iggyProperties("iggy-source", stream, "events");
        properties.put("iggy-source.consumerGroup", group);
        properties.put("iggy-source.backoffMax", "500");
        properties.put("file-sink.directoryName", out.toString());
        long started = System.nanoTime();
        startPipe("iggy-to-file", properties);

        await(
                Duration.ofSeconds(60),
                () -> TestFiles.files(out).size() >= N,
                () -> TestFiles.files(out).size() + " files");
        System.out.printf("%d messages -> %d files in %d ms%n", N, N, (System.nanoTime() - started) / 1_000_000);
        assertThat(TestFiles.files(out)).containsExactlyEntriesOf(files(0, N));
        awaitCommitted(stream, "events", group, N - 1);

        // the directory goes away and a plain file takes its path (an unmounted volume, say): writes fail, new
        // messages wait in Iggy and their offsets are not committed
        Path first = Files.move(out, dir.resolve("out-first"));
        Files.writeString(out, "not a directory");
        client.send(stream, "events", 0, messages(N, N + 100));
        Thread.sleep(3000);
        assertThat(client.groupOffset(stream, "events", group, 0)).isEqualTo(N - 1);
        assertThat(Files.isRegularFile(out)).isTrue();
        assertThat(TestFiles.files(first)).hasSize(N);

        // the path is free again: the directory is created and everything arrives, then is committed
        Files.delete(out);
        await(
                Duration.ofSeconds(60),
                () -> TestFiles.files(out).size() >= 100,
                () -> TestFiles.files(out).size() + " files");
        assertThat(TestFiles.files(out)).containsExactlyEntriesOf(files(N, N + 100));
        awaitCommitted(stream, "events", group, N + 99);
        assertThat(TestFiles.files(first)).containsExactlyEntriesOf(files(0, N));
    }

    @Test
    @ProvesLevel(target = "local-filesystem", direction = "source", level = 3, against = "the local filesystem")
    void everyFileBecomesAMessageWithItsNameAndIsMovedAwayOnceStored() throws Exception {
        String stream = unique("file");
        Path in = Files.createDirectories(dir.resolve("in"));
        files(0, N).forEach((name, content) -> TestFiles.write(in, name, content));

        Map<String, String> properties = iggyProperties("iggy-sink", stream, "files");
        properties.put("file-source.directoryName", in.toString());
        long started = System.nanoTime();
        startPipe("file-to-iggy", properties);

        await(
                Duration.ofSeconds(60),
                () -> client.all(stream, "files", 0).size() >= N,
                () -> client.all(stream, "files", 0).size() + " messages");
        System.out.printf("%d files -> %d messages in %d ms%n", N, N, (System.nanoTime() - started) / 1_000_000);
        assertThat(byFileHeader(client.all(stream, "files", 0))).containsExactlyEntriesOf(files(0, N));

        // files written while the pipe runs (written aside, then renamed in) arrive as well
        files(N, N + 100).forEach((name, content) -> TestFiles.write(in, name, content));
        await(
                Duration.ofSeconds(30),
                () -> client.all(stream, "files", 0).size() >= N + 100,
                () -> client.all(stream, "files", 0).size() + " messages");
        assertThat(byFileHeader(client.all(stream, "files", 0))).containsExactlyEntriesOf(files(0, N + 100));

        // a file leaves the directory once Iggy stored it: moved into .camel
        await(
                Duration.ofSeconds(10),
                () -> TestFiles.files(in).isEmpty(),
                () -> TestFiles.files(in).size() + " left");
        assertThat(TestFiles.files(in.resolve(".camel"))).containsExactlyEntriesOf(files(0, N + 100));
        Thread.sleep(1000);
        assertThat(client.all(stream, "files", 0)).as("no file read twice").hasSize(N + 100);
    }
}
