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

    private static final int N = SinkOutageScenario.N;
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
        // the messages held back while the server is down carry no subject of their own: they get the pipe's
        new SinkOutageScenario(this, "iggy-to-mail", unique("mail"))
                .sending((from, to) -> from < N ? withSubjects(from, to) : withoutSubjects(from, to))
                .sinkProperty("mail-sink.connectionPort", Integer.toString(proxy.port()))
                .outage(proxy)
                // about 50 ms a mail: camel-mail opens an SMTP connection per mail, and GreenMail's multi-line EHLO
                // answer (written line by line, without TCP_NODELAY) waits out a delayed ACK on every connection; a
                // clean CI run took 47 s for the first 1,000, so the default 60 s left too little room on a busy host
                .arrivalTimeout(Duration.ofMinutes(3))
                .arrivedCount(() -> mail.getReceivedMessages().length)
                .assertArrived(count -> {
                    List<String> expected = new ArrayList<>(expected(0, Math.min(count, N), true));
                    expected.addAll(expected(N, Math.max(count, N), false));
                    assertThat(mails()).containsExactlyElementsOf(expected);
                })
                .run();
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
