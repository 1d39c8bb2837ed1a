package org.opensspr.server.api;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensspr.server.db.TestDatabases;
import org.opensspr.server.db.tables.records.OutboxMessageRecord;
import org.opensspr.server.delivery.MailFrom;
import org.opensspr.server.delivery.SmtpSettings;
import org.opensspr.server.testing.OnBothDatabases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opensspr.server.db.Tables.OUTBOX_MESSAGE;

/**
 * An emailed code is kept no longer than it is good, and the database never holds it in clear (the
 * outbox row keeps it sealed). In the outbox directory (the embedded default, where people read their
 * codes) its .eml file and test mode show it until it expires, then nothing does; through a relay the
 * row forgets it as soon as the relay took it. Notices keep their text. The bytes of every file in the
 * data directory and every column of every outbox row are searched for the code; the clock moves
 * instead of anything waiting.
 */
class CodeRetentionTest {

    @OnBothDatabases
    void inTheOutboxDirectoryACodeStaysWhileGoodAndIsGoneOnceExpiredWhileTheNoticesStay(InProcessServer server) {
        FlowClient flow = emailCodeRequested(server);
        String code = flow.codeSentTo(ResetFlowApiTest.ANN_ALTERNATE);
        server.server().delivery().deliverDueNow();

        assertThat(filesHolding(server.data(), code)).singleElement()
                .satisfies(file -> assertThat(file.getParent()).isEqualTo(server.data().resolve("outbox")));
        assertThat(rowsHolding(server, code)).as("sealed in the database").isEmpty();

        flow.proveCode(code);
        flow.password(ResetFlowApiTest.NEW_PASSWORD);
        assertThat(flow.step()).isEqualTo("COMPLETED");
        server.server().delivery().deliverDueNow();
        ResetFlowApiTest.advance(server, 4 * 60);
        server.server().delivery().deliverDueNow();
        assertThat(filesHolding(server.data(), code)).as("still good: still readable").hasSize(1);
        assertThat(flow.codeSentTo(ResetFlowApiTest.ANN_ALTERNATE)).isEqualTo(code);

        ResetFlowApiTest.advance(server, 61);
        server.server().delivery().deliverDueNow();

        assertThat(filesHolding(server.data(), code)).isEmpty();
        assertThat(rowsHolding(server, code)).isEmpty();
        assertThatThrownBy(() -> flow.codeSentTo(ResetFlowApiTest.ANN_ALTERNATE)).as("test mode shows it no more")
                .hasMessageContaining("No code was sent");
        List<OutboxMessageRecord> rows = rows(server);
        assertThat(rows).extracting(OutboxMessageRecord::getRecipient).containsExactly(
                ResetFlowApiTest.ANN_ALTERNATE, ResetFlowApiTest.ANN, ResetFlowApiTest.ANN_ALTERNATE);
        assertThat(rows.getFirst().getBody()).isEmpty();
        assertThat(rows.getFirst().getStatus()).isEqualTo("SENT");
        assertThat(rows.subList(1, 3)).allSatisfy(notice -> assertThat(notice.getBody()).contains("password"));
        assertThat(emlFiles(server.data())).as("the two notices").hasSize(2);
    }

    /** The embedded default itself: not even the H2 file, whose free pages keep what a row held before, has it. */
    @Test
    void onTheEmbeddedDefaultNoFileInTheDataDirectoryHoldsAnExpiredCode(@TempDir Path scratch) {
        Path data = scratch.resolve("data");
        String code;
        try (InProcessServer server = InProcessServer.onEmbeddedDefault(data)) {
            FlowClient flow = emailCodeRequested(server);
            code = flow.codeSentTo(ResetFlowApiTest.ANN_ALTERNATE);
            server.server().delivery().deliverDueNow();
            assertThat(filesHolding(data, code)).containsExactly(emlFiles(data).getFirst());

            ResetFlowApiTest.advance(server, 5 * 60);
            server.server().delivery().deliverDueNow();
            assertThat(filesHolding(data, code)).isEmpty();
        }
        assertThat(filesHolding(data, code)).as("nor once H2 closed the database").isEmpty();
    }

    @OnBothDatabases
    void throughARelayTheMailHasTheCodeButTheOutboxForgetsItOnceSent(TestDatabases kind) throws Exception {
        GreenMail relay = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        relay.start();
        SmtpSettings smtp = SmtpSettings.of("127.0.0.1", relay.getSmtp().getPort(), SmtpSettings.Security.NONE, null,
                null, new MailFrom("sspr@contoso.example", "Contoso password reset"));
        try (InProcessServer server = InProcessServer.start(kind, smtp)) {
            FlowClient flow = emailCodeRequested(server);
            // Waits for a round the server began on its own, if any, so the row is as that round left it.
            server.server().delivery().deliverDueNow();

            assertThat(relay.waitForIncomingEmail(10_000, 1)).isTrue();
            Matcher mailed = Pattern.compile("\\b(\\d{8})\\b").matcher(GreenMailUtil.getBody(relay.getReceivedMessages()[0]));
            assertThat(mailed.find()).isTrue();
            String code = mailed.group(1);
            assertThat(rowsHolding(server, code)).isEmpty();
            assertThat(filesHolding(server.data(), code)).isEmpty();
            OutboxMessageRecord row = rows(server).getFirst();
            assertThat(row.getStatus()).isEqualTo("SENT");
            assertThat(row.getBody()).isEmpty();
            assertThat(row.getRecipient()).isEqualTo(ResetFlowApiTest.ANN_ALTERNATE);

            flow.proveCode(code);
            assertThat(flow.step()).as("the code itself still works").isEqualTo("SET_NEW_PASSWORD");
        } finally {
            relay.stop();
        }
    }

    /** Ann, under a one-gate policy, has asked for a code by email. */
    private static FlowClient emailCodeRequested(InProcessServer server) {
        ResetFlowApiTest.policy(server, 1);
        ResetFlowApiTest.ann(server);
        FlowClient flow = new FlowClient(server);
        flow.start("RESET_PASSWORD");
        flow.identify(ResetFlowApiTest.ANN);
        flow.choose("EMAIL");
        assertThat(flow.step()).isEqualTo("PROVE_IDENTITY");
        return flow;
    }

    private static List<OutboxMessageRecord> rows(InProcessServer server) {
        return server.server().database().dsl().selectFrom(OUTBOX_MESSAGE).orderBy(OUTBOX_MESSAGE.ID).fetch();
    }

    /** Outbox rows with the code in any column. */
    private static List<Long> rowsHolding(InProcessServer server, String code) {
        return rows(server).stream()
                .filter(row -> Arrays.stream(row.intoArray()).anyMatch(value -> String.valueOf(value).contains(code)))
                .map(OutboxMessageRecord::getId).toList();
    }

    /** Files anywhere under {@code data} whose bytes hold the code's digits. */
    static List<Path> filesHolding(Path data, String code) {
        try (Stream<Path> files = Files.walk(data)) {
            // ISO-8859-1 maps each byte to one char, so this searches the raw bytes.
            return files.filter(Files::isRegularFile)
                    .filter(file -> new String(bytes(file), StandardCharsets.ISO_8859_1).contains(code)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> emlFiles(Path data) {
        try (Stream<Path> files = Files.walk(data)) {
            return files.filter(file -> file.toString().endsWith(".eml")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
