package org.opensspr.server.reset;

import org.jooq.DSLContext;
import org.opensspr.server.crypto.KeyedHash;
import org.opensspr.server.db.DbTime;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import static org.opensspr.server.db.Tables.PUSH_CHALLENGE;

/**
 * The app notification open for a flow's gate, and the signed URL token the phone answers through:
 * {@code <challenge id>.<language>.<expiry, epoch seconds>.<HMAC>}
 * (the language the answer page speaks, that of the lock screen). A forged token fails the HMAC before anything is
 * read; an expired one fails on its own expiry; a replayed one finds the answer already written.
 */
final class PushChallenges {
    /** The number the kiosk shows and the answer on file (null until the phone answered). */
    record Open(String id, int matchNumber, List<String> choices, Instant createdAt, Instant expiresAt, String answer) {
        boolean answered() {
            return answer != null;
        }
    }

    /** A token that passed its signature: which challenge, and until when it may be answered. */
    record Signed(String challengeId, Locale locale, Instant expiresAt) {
    }

    static final String DENY = "DENY";

    private final KeyedHash signer;

    PushChallenges(KeyedHash signer) {
        this.signer = signer;
    }

    /** Replaces the flow's open notification (a resend) with a new one; returns it. */
    Open open(DSLContext tx, String flowId, int matchNumber, List<String> choices, Instant now, Instant expiresAt) {
        tx.deleteFrom(PUSH_CHALLENGE).where(PUSH_CHALLENGE.FLOW_ID.eq(flowId)).execute();
        String id = UUID.randomUUID().toString();
        tx.insertInto(PUSH_CHALLENGE)
                .set(PUSH_CHALLENGE.ID, id)
                .set(PUSH_CHALLENGE.FLOW_ID, flowId)
                .set(PUSH_CHALLENGE.MATCH_NUMBER, matchNumber)
                .set(PUSH_CHALLENGE.CHOICES, String.join(",", choices))
                .set(PUSH_CHALLENGE.CREATED_AT, DbTime.of(now))
                .set(PUSH_CHALLENGE.EXPIRES_AT, DbTime.of(expiresAt))
                .execute();
        return new Open(id, matchNumber, List.copyOf(choices), now, expiresAt, null);
    }

    Optional<Open> forFlow(DSLContext tx, String flowId) {
        return tx.selectFrom(PUSH_CHALLENGE).where(PUSH_CHALLENGE.FLOW_ID.eq(flowId)).fetchOptional(PushChallenges::open);
    }

    /** A challenge by its id, answered or not. */
    Optional<Open> find(DSLContext tx, String challengeId) {
        return tx.selectFrom(PUSH_CHALLENGE).where(PUSH_CHALLENGE.ID.eq(challengeId)).fetchOptional(PushChallenges::open);
    }

    private static Open open(org.opensspr.server.db.tables.records.PushChallengeRecord r) {
        return new Open(r.getId(), r.getMatchNumber(), List.of(r.getChoices().split(",")), r.getCreatedAt().toInstant(),
                r.getExpiresAt().toInstant(), r.getAnswer());
    }

    /** The flow a challenge belongs to. */
    Optional<String> flowOf(DSLContext tx, String challengeId) {
        return tx.select(PUSH_CHALLENGE.FLOW_ID).from(PUSH_CHALLENGE).where(PUSH_CHALLENGE.ID.eq(challengeId))
                .fetchOptional(PUSH_CHALLENGE.FLOW_ID);
    }

    /** A spent challenge (answered and counted): another poll finds nothing to count again. */
    void spend(DSLContext tx, String challengeId) {
        tx.deleteFrom(PUSH_CHALLENGE).where(PUSH_CHALLENGE.ID.eq(challengeId)).execute();
    }

    /** Writes the phone's answer once, while the challenge is open; false for a replay or a late answer. */
    boolean answer(DSLContext tx, String challengeId, String answer, Instant now) {
        return tx.update(PUSH_CHALLENGE)
                .set(PUSH_CHALLENGE.ANSWER, answer)
                .set(PUSH_CHALLENGE.ANSWERED_AT, DbTime.of(now))
                .where(PUSH_CHALLENGE.ID.eq(challengeId), PUSH_CHALLENGE.ANSWER.isNull(),
                        PUSH_CHALLENGE.EXPIRES_AT.gt(DbTime.of(now)))
                .execute() == 1;
    }

    String token(Open challenge, Locale locale) {
        String signed = challenge.id() + "." + locale.toLanguageTag() + "." + challenge.expiresAt().getEpochSecond();
        return signed + "." + signer.hex(signed);
    }

    /** The token's challenge if its signature holds (compared in constant time); it says nothing else. */
    Optional<Signed> verify(String token) {
        if (token == null || token.length() > 200) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        String signed = parts[0] + "." + parts[1] + "." + parts[2];
        boolean genuine = MessageDigest.isEqual(signer.hex(signed).getBytes(StandardCharsets.US_ASCII),
                parts[3].getBytes(StandardCharsets.US_ASCII));
        if (!genuine) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Signed(parts[0], Locale.forLanguageTag(parts[1]),
                    Instant.ofEpochSecond(Long.parseLong(parts[2]))));
        } catch (NumberFormatException e) {
            return Optional.empty(); // signed by us, so never; still no exception for a caller to see
        }
    }
}
