package org.opensspr.server.audit;

import org.junit.jupiter.api.Test;
import org.opensspr.api.AuditChainState;
import org.opensspr.api.AuditChainState.Problem;
import org.opensspr.methods.AuthMethod;
import org.opensspr.server.crypto.SecretBox;
import org.opensspr.server.db.Database;
import org.opensspr.server.testing.OnBothDatabases;
import org.opensspr.server.time.ServerClock;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opensspr.api.AuditActivity.SSPR_FLOW_ACTIVITY_PROGRESS;
import static org.opensspr.server.db.Tables.AUDIT_EVENT;

/** V33: the method an event records is covered by its row MAC, and an event without one keeps its old MAC. */
class AuditMethodSealTest {
    private static final Instant T0 = Instant.parse("2026-11-03T10:15:30.123456Z");

    private final ServerClock clock = ServerClock.movable(Clock.fixed(T0, ZoneOffset.UTC));

    @Test
    void anEventWithoutAMethodEncodesExactlyAsBeforeTheMethodExisted() throws IOException {
        byte[] key = new byte[SecretBox.KEY_BYTES];
        SecretBox secrets = SecretBox.withKey(key);
        AuditSeal.Content content = new AuditSeal.Content(T0, "Reset password (self-service)", "ann@contoso.example",
                "ann@contoso.example", null, "SUCCESS", "", "{\"x\":1}", null);

        // The encoding as V32 defined it: the eight parts, lengths before text, nothing after the details.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeLong(ChronoUnit.MICROS.between(Instant.EPOCH, T0));
            for (String part : new String[] {"Reset password (self-service)", "ann@contoso.example",
                    "ann@contoso.example", null, "SUCCESS", "", "{\"x\":1}"}) {
                if (part == null) {
                    out.writeInt(-1);
                } else {
                    byte[] utf8 = part.getBytes(StandardCharsets.UTF_8);
                    out.writeInt(utf8.length);
                    out.write(utf8);
                }
            }
        }
        String v32 = secrets.keyedHash("audit/event/v1").hex(bytes.toByteArray());

        AuditSeal seal = AuditSeal.of(secrets);
        assertThat(seal.rowMac(content)).isEqualTo(v32);
        assertThat(seal.rowMac(new AuditSeal.Content(T0, "Reset password (self-service)", "ann@contoso.example",
                "ann@contoso.example", null, "SUCCESS", "", "{\"x\":1}", "EMAIL"))).isNotEqualTo(v32);
    }

    @OnBothDatabases
    void anEventsMethodIsStoredSealedAndAChangeToItIsNamed(Database db) {
        AuditLog log = new AuditLog(db, clock, AuditSeals.fixed());
        AuditChain chain = new AuditChain(db, clock, AuditSeals.fixed());
        AuditChainVerifier verifier = new AuditChainVerifier(db, clock, AuditSeals.fixed());
        log.record(AuditEntry.success(SSPR_FLOW_ACTIVITY_PROGRESS, "ann@contoso.example", "ann@contoso.example"));
        long gate = log.record(AuditEntry.failure(SSPR_FLOW_ACTIVITY_PROGRESS, "ann@contoso.example",
                "ann@contoso.example", "wrong code").withMethod(AuthMethod.EMAIL));
        chain.sealPending();

        AuditChainState state = verifier.verify();
        assertThat(state.intact()).as(AuditChainReport.describe(state)).isTrue();
        assertThat(db.dsl().select(AUDIT_EVENT.METHOD).from(AUDIT_EVENT).orderBy(AUDIT_EVENT.ID)
                .fetch(AUDIT_EVENT.METHOD)).containsExactly(null, "EMAIL");

        db.dsl().update(AUDIT_EVENT).set(AUDIT_EVENT.METHOD, "MOBILE_PHONE").where(AUDIT_EVENT.ID.eq(gate)).execute();
        assertThat(verifier.verify().problem()).isEqualTo(Problem.EVENT_CHANGED);
        assertThat(verifier.verify().eventId()).isEqualTo(gate);

        db.dsl().update(AUDIT_EVENT).set(AUDIT_EVENT.METHOD, (String) null).where(AUDIT_EVENT.ID.eq(gate)).execute();
        assertThat(verifier.verify().problem()).isEqualTo(Problem.EVENT_CHANGED);

        db.dsl().update(AUDIT_EVENT).set(AUDIT_EVENT.METHOD, "EMAIL").where(AUDIT_EVENT.ID.eq(gate)).execute();
        assertThat(verifier.verify().intact()).isTrue();
    }
}
