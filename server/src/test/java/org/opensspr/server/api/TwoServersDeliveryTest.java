package org.opensspr.server.api;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opensspr.api.ContactUpdateRequest;
import org.opensspr.api.UserDetailDto;
import org.opensspr.server.crypto.SecretBox;
import org.opensspr.server.db.TestDatabases;
import org.opensspr.server.delivery.DeliveryWorker;
import org.opensspr.server.delivery.EmailMessage;
import org.opensspr.server.delivery.MailFrom;
import org.opensspr.server.delivery.Outbox;
import org.opensspr.server.delivery.SmtpSettings;
import org.opensspr.server.directory.DirectoryActor;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opensspr.server.db.Tables.OUTBOX_MESSAGE;

/**
 * Two servers on one PostgreSQL database, each with its delivery worker and the same mail relay: every queued
 * message reaches the relay exactly once, whichever server queued it and however the workers race, and a code
 * one server sealed into the outbox is sent by either and proves the user on the other.
 */
class TwoServersDeliveryTest {
    private GreenMail relay;
    private InProcessServer a;
    private InProcessServer b;

    @BeforeEach
    void startRelayAndTwoServers() {
        relay = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        relay.start();
        SmtpSettings smtp = SmtpSettings.of("127.0.0.1", relay.getSmtp().getPort(), SmtpSettings.Security.NONE, null,
                null, new MailFrom("sspr@contoso.example", "Contoso password reset"));
        a = InProcessServer.start(TestDatabases.POSTGRES, smtp);
        b = InProcessServer.alongside(a, smtp);
    }

    @AfterEach
    void stopThem() {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
        relay.stop();
    }

    @Test
    void everyMessageIsSentOnceWhenBothServersDeliverAtOnce() throws Exception {
        int messages = 40;
        Outbox outbox = new Outbox(Clock.systemUTC(), SecretBox.fromKeyFile(a.data()));
        a.server().database().inTransactionDo(tx -> {
            for (int i = 0; i < messages; i++) {
                outbox.enqueue(tx, new EmailMessage("user" + i + "@fabrikam.example", "Message " + i, "Hello " + i));
            }
        });

        CountDownLatch go = new CountDownLatch(1);
        List<Future<DeliveryWorker.Round>> rounds = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            for (InProcessServer server : List.of(a, b, a, b)) {
                rounds.add(pool.submit(() -> {
                    go.await();
                    return server.server().delivery().deliverDueNow();
                }));
            }
            go.countDown();
            for (Future<DeliveryWorker.Round> round : rounds) {
                DeliveryWorker.Round done = round.get(2, TimeUnit.MINUTES);
                assertThat(done.retrying() + done.failed()).isZero();
            }
        }

        // Each round ends once nothing it read is left to it; the background pollers may still hold a last one.
        assertThat(relay.waitForIncomingEmail(30_000, messages)).isTrue();
        assertThat(a.server().database().dsl().fetchCount(OUTBOX_MESSAGE,
                OUTBOX_MESSAGE.STATUS.eq("SENT").and(OUTBOX_MESSAGE.ATTEMPTS.eq(1)))).isEqualTo(messages);
        MimeMessage[] received = relay.getReceivedMessages();
        assertThat(Arrays.stream(received).map(TwoServersDeliveryTest::subject).distinct()).hasSize(messages);
        assertThat(received).as("no message twice").hasSize(messages);
    }

    @Test
    void aCodeQueuedOnOneServerArrivesOnceAndProvesTheUserOnTheOther() throws Exception {
        ResetFlowApiTest.policy(a, 1);
        int flows = 6;
        List<FlowClient> started = new ArrayList<>();
        for (int i = 0; i < flows; i++) {
            UserDetailDto user = TestPeople.cloudUser(a, "user" + i + "@contoso.example", ResetFlowApiTest.PASSWORD, false);
            a.server().directory().updateContact(DirectoryActor.system("test"), user.id(),
                    new ContactUpdateRequest("user" + i + "@private.example", "", ""));
            FlowClient flow = ResetFlowApiTest.resetting(i % 2 == 0 ? a : b, "user" + i + "@contoso.example");
            flow.choose("EMAIL");
            started.add(flow);
        }

        assertThat(relay.waitForIncomingEmail(30_000, flows)).isTrue();
        a.server().delivery().deliverDueNow();
        b.server().delivery().deliverDueNow();
        MimeMessage[] received = relay.getReceivedMessages();
        assertThat(received).as("one code per flow, none twice").hasSize(flows);
        for (int i = 0; i < flows; i++) {
            FlowClient flow = started.get(i);
            flow.server = i % 2 == 0 ? b : a;
            flow.proveCode(codeFor(received, "user" + i + "@private.example"));
            assertThat(flow.step()).as("flow %d, proved on the other server", i).isEqualTo("SET_NEW_PASSWORD");
        }
    }

    private static String codeFor(MimeMessage[] received, String address) throws MessagingException {
        for (MimeMessage message : received) {
            if (message.getAllRecipients()[0].toString().equals(address)) {
                Matcher code = Pattern.compile("\\b(\\d{8})\\b").matcher(GreenMailUtil.getBody(message));
                if (code.find()) {
                    return code.group(1);
                }
            }
        }
        throw new AssertionError("No code reached " + address);
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
