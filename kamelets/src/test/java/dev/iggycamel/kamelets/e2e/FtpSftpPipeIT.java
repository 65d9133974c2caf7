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

import static dev.iggycamel.kamelets.e2e.FileMessages.files;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.iggy.message.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * iggy-to-sftp and sftp-to-iggy (the camel-kamelets sftp-sink / sftp-source over camel-ftp and JSch) against a real
 * SFTP server in the JVM (Apache MINA SSHD), whose files live in a temporary directory the test reads and writes.
 */
class FtpSftpPipeIT extends PipeTestSupport {

    private static final int N = SinkOutageScenario.N;

    @TempDir
    Path root;

    private SftpServer sftp;
    private TcpProxy proxy;

    @BeforeEach
    void startSftp() throws Exception {
        Path home = Files.createDirectories(root.resolve("home"));
        sftp = new SftpServer(home, root.resolve("host-key.ser"));
        proxy = new TcpProxy("127.0.0.1", sftp.port());
    }

    @AfterEach
    void stopSftp() throws Exception {
        proxy.close();
        sftp.close();
    }

    @Test
    @ProvesLevel(target = "ftp-sftp", direction = "sink", level = 3, against = SftpServer.VERSION)
    void everyMessageIsUploadedAsAFileAndNothingIsCommittedWhileTheServerIsDown() throws Exception {
        Path upload = root.resolve("home").resolve("upload");
        new SinkOutageScenario(this, "iggy-to-sftp", unique("sftp"))
                .sending(FileMessages::messages)
                .sinkProperties(sftpProperties("sftp-sink", proxy.port()))
                .outage(proxy)
                .arrivedCount(() -> TestFiles.files(upload).size())
                .assertArrived(count -> assertThat(TestFiles.files(upload)).containsExactlyEntriesOf(files(0, count)))
                .run();
    }

    @Test
    @ProvesLevel(target = "ftp-sftp", direction = "source", level = 3, against = SftpServer.VERSION)
    void everyFileBecomesAMessageWithItsNameAndIsDeletedOnceStored() throws Exception {
        String stream = unique("sftp");
        Path outbox = Files.createDirectories(root.resolve("home").resolve("outbox"));
        files(0, N).forEach((name, content) -> TestFiles.write(outbox, name, content));

        Map<String, String> properties = iggyProperties("iggy-sink", stream, "sftp-files");
        properties.putAll(sftpProperties("sftp-source", sftp.port()));
        long started = System.nanoTime();
        startPipe("sftp-to-iggy", properties);

        List<Message> received = awaitInIggy(stream, "sftp-files", N, Duration.ofSeconds(60));
        System.out.printf("%d SFTP files -> %d messages in %d ms%n", N, N, (System.nanoTime() - started) / 1_000_000);
        assertThat(FileMessages.byFileHeader(received)).containsExactlyEntriesOf(files(0, N));
        // a file is deleted once Iggy stored it
        await(
                Duration.ofSeconds(10),
                () -> TestFiles.files(outbox).isEmpty(),
                () -> TestFiles.files(outbox).size() + " left");
        Thread.sleep(1000);
        assertThat(client.all(stream, "sftp-files", 0)).as("no file read twice").hasSize(N);
    }

    private static Map<String, String> sftpProperties(String kamelet, int port) {
        return Map.of(
                kamelet + ".connectionHost", "127.0.0.1",
                kamelet + ".connectionPort", Integer.toString(port),
                kamelet + ".username", "iggy",
                kamelet + ".password", "iggy",
                // the server's host key is new on every run: keep it out of ~/.ssh/known_hosts
                kamelet + ".useUserKnownHostsFile", "false");
    }
}
