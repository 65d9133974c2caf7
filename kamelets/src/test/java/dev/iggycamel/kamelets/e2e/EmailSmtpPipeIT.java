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

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.iggy.message.HeaderKey;
import org.apache.iggy.message.HeaderValue;
import org.apache.iggy.message.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * iggy-to-mail (the camel-kamelets mail-sink over camel-mail and Jakarta Mail) against GreenMail's SMTP server in the
 * JVM: one mail per message, its subject from the message's ce-subject header (else the pipe's), its body the payload.
 */
class EmailSmtpPipeIT extends PipeTestSupport {

    private static final int N = 1000;
    private static final String AGAINST = "GreenMail 2.1.8 SMTP server (in-JVM test mail server)";

    private GreenMail mail;
    private TcpProxy proxy;

    @BeforeEach
    void startMail() throws Exception {
        mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        mail.setUser("ops@localhost", "iggy", "iggy");
        mail.start();
        proxy = new TcpProxy("127.0.0.1", mail.getSmtp().getPort());
    }

    @AfterEach
    void stopMail() throws Exception {
        proxy.close();
        mail.stop();
    }

    @Test
    @ProvesLevel(target = "email-smtp", direction = "sink", level = 2, against = AGAINST)
    void everyMessageIsMailedAndNothingIsCommittedWhileTheServerIsDown() throws Exception {
        String stream = unique("mail");
        String group = "iggy-to-mail";
        client.createTopic(stream, "events", 1);
        client.send(stream, "events", 0, withSubjects(0, N));

        Map<String, String> properties = iggyProperties("iggy-source", stream, "events");
        properties.put("iggy-source.consumerGroup", group);
        properties.put("iggy-source.backoffMax", "500");
        properties.put("mail-sink.connectionPort", Integer.toString(proxy.port()));
        long started = System.nanoTime();
        startPipe("iggy-to-mail", properties);

        // about 50 ms a mail: camel-mail opens an SMTP connection per mail, and GreenMail's multi-line EHLO answer
        // (written line by line, without TCP_NODELAY) waits out a delayed ACK on every connection
        await(
                Duration.ofSeconds(60),
                () -> mail.getReceivedMessages().length >= N,
                () -> mail.getReceivedMessages().length + " mails");
        System.out.printf("%d messages -> %d mails in %d ms%n", N, N, (System.nanoTime() - started) / 1_000_000);
        await(
                Duration.ofSeconds(10),
                () -> client.groupOffset(stream, "events", group, 0) == N - 1,
                () -> "offset " + client.groupOffset(stream, "events", group, 0));
        assertThat(mails()).containsExactlyElementsOf(expected(0, N, true));

        // the server goes down: new messages (these without a subject of their own) wait in Iggy, uncommitted
        proxy.down();
        client.send(stream, "events", 0, withoutSubjects(N, N + 100));
        Thread.sleep(3000);
        assertThat(client.groupOffset(stream, "events", group, 0)).isEqualTo(N - 1);
        assertThat(mail.getReceivedMessages()).hasSize(N);

        // back on the same port: everything is mailed, with the pipe's subject, and committed
        proxy.up();
        await(
                Duration.ofSeconds(60),
                () -> client.groupOffset(stream, "events", group, 0) == N + 99,
                () -> "offset " + client.groupOffset(stream, "events", group, 0));
        List<String> all = new ArrayList<>(expected(0, N, true));
        all.addAll(expected(N, N + 100, false));
        assertThat(mails()).containsExactlyElementsOf(all);
    }

    /** Each received mail as "from -> to | subject | body", in the order received. */
    private List<String> mails() throws Exception {
        List<String> mails = new ArrayList<>();
        for (MimeMessage message : mail.getReceivedMessages()) {
            mails.add(message.getFrom()[0] + " -> " + message.getAllRecipients()[0] + " | " + message.getSubject()
                    + " | " + message.getContent().toString().trim());
        }
        return mails;
    }

    private static List<String> expected(int from, int to, boolean ownSubject) {
        return IntStream.range(from, to)
                .mapToObj(i -> "iggy@localhost -> ops@localhost | " + (ownSubject ? subject(i) : "A message from Iggy")
                        + " | " + body(i))
                .toList();
    }

    private static String subject(int i) {
        return String.format("Order %04d shipped", i);
    }

    private static String body(int i) {
        return "Order " + i + " left the warehouse.";
    }

    private static List<Message> withSubjects(int from, int to) {
        return IntStream.range(from, to)
                .mapToObj(i -> Message.of(
                        body(i), Map.of(HeaderKey.fromString("ce-subject"), HeaderValue.fromString(subject(i)))))
                .toList();
    }

    private static List<Message> withoutSubjects(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> Message.of(body(i))).toList();
    }
}
