package org.opensspr.server.api;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.opensspr.server.db.TestDatabases;
import org.opensspr.server.delivery.MailFrom;
import org.opensspr.server.delivery.SmtpSettings;
import org.opensspr.server.testing.OnBothDatabases;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** With a real SMTP relay (GreenMail): the code arrives by mail, and so do the reset notifications. */
class ResetMailTest {
    private GreenMail relay;

    @BeforeEach
    void startRelay() {
        relay = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        relay.start();
    }

    @AfterEach
    void stopRelay() {
        relay.stop();
    }

    @OnBothDatabases
    void theCodeAndTheNotificationsArriveBySmtp(TestDatabases kind) throws Exception {
        SmtpSettings smtp = SmtpSettings.of("127.0.0.1", relay.getSmtp().getPort(), SmtpSettings.Security.NONE, null,
                null, new MailFrom("sspr@contoso.example", "Contoso password reset"));
        try (InProcessServer server = InProcessServer.start(kind, smtp)) {
            ResetFlowApiTest.policy(server, 1);
            ResetFlowApiTest.ann(server);
            FlowClient flow = new FlowClient(server);
            flow.start("RESET_PASSWORD");
            flow.identify(ResetFlowApiTest.ANN);
            flow.choose("EMAIL");

            assertThat(relay.waitForIncomingEmail(10_000, 1)).isTrue();
            MimeMessage codeMail = relay.getReceivedMessages()[0];
            assertThat(codeMail.getAllRecipients()[0].toString()).isEqualTo(ResetFlowApiTest.ANN_ALTERNATE);
            assertThat(codeMail.getSubject()).doesNotContainPattern("\\d{8}");
            Matcher code = Pattern.compile("\\b(\\d{8})\\b").matcher(GreenMailUtil.getBody(codeMail));
            assertThat(code.find()).isTrue();

            flow.proveCode(code.group(1));
            flow.password(ResetFlowApiTest.NEW_PASSWORD);
            assertThat(flow.step()).isEqualTo("COMPLETED");

            assertThat(relay.waitForIncomingEmail(10_000, 3)).isTrue();
            List<String> notified = Arrays.stream(relay.getReceivedMessages()).skip(1).map(m -> {
                try {
                    return m.getAllRecipients()[0].toString();
                } catch (jakarta.mail.MessagingException e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
            assertThat(notified).containsExactlyInAnyOrder(ResetFlowApiTest.ANN, ResetFlowApiTest.ANN_ALTERNATE);
        }
    }
}
