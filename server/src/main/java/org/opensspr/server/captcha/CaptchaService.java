package org.opensspr.server.captcha;

import org.jooq.DSLContext;
import org.opensspr.server.crypto.Tokens;
import org.opensspr.server.db.Database;
import org.opensspr.server.testmode.TestModeFeature;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Issues and checks captchas (docs/design.md §13, issue 4): six characters drawn by {@link CaptchaRenderer},
 * stored only as the SHA-256 of the answer, valid for {@link #LIFETIME}. Each captcha is checked at
 * most once: any verification, right or wrong, uses it up, so a wrong answer needs a new captcha and
 * nobody gets a second guess at the same image. Answers compare without regard to case or spaces.
 * In test mode every captcha also accepts {@link TestModeFeature#CAPTCHA_ANSWER}. Thread-safe.
 */
public final class CaptchaService {
    public static final Duration LIFETIME = Duration.ofMinutes(2);
    public static final int LENGTH = 6;

    private final Database database;
    private final Clock clock;
    private final boolean testMode;
    private final SecureRandom random;
    private final CaptchaRenderer renderer = new CaptchaRenderer();
    private final CaptchaRepository captchas = new CaptchaRepository();

    public CaptchaService(Database database, Clock clock, boolean testMode, SecureRandom random) {
        this.database = Objects.requireNonNull(database, "database");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.testMode = testMode;
        this.random = Objects.requireNonNull(random, "random");
        // Java2D into a BufferedImage needs no display; say so before AWT first looks for one.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    public CaptchaService(Database database, Clock clock, boolean testMode) {
        this(database, clock, testMode, new SecureRandom());
    }

    /** How many captchas one reset flow may draw (the first, refreshes, and new ones after wrong answers). */
    public static final int MAX_PER_FLOW = 10;

    /**
     * A captcha drawn but not stored yet. Drawing costs CPU, so it happens before the transaction that
     * stores it; only the answer's hash goes on.
     */
    public record Drawn(Captcha captcha, String answerHash) {
    }

    /** Renders a new captcha; touches no database. */
    public Drawn draw() {
        return drawWithAnswer().drawn();
    }

    /**
     * Stores a captcha for a reset flow, using up the flow's earlier ones, so only the newest image can
     * be answered. False, storing nothing, when the flow has drawn {@link #MAX_PER_FLOW} already.
     */
    public boolean store(DSLContext tx, String flowId, Drawn drawn) {
        Objects.requireNonNull(flowId, "flowId");
        Instant now = clock.instant();
        if (captchas.countFor(tx, flowId) >= MAX_PER_FLOW) {
            return false;
        }
        captchas.spendAllOf(tx, flowId, now);
        insert(tx, flowId, drawn);
        return true;
    }

    /** The first captcha of a flow begun in this transaction: it has none to count or use up. */
    public void storeFirst(DSLContext tx, String flowId, Drawn drawn) {
        insert(tx, Objects.requireNonNull(flowId, "flowId"), drawn);
    }

    /** A new captcha outside any flow: image rendered, row stored. */
    public Captcha issue() {
        return issueWithAnswer().captcha();
    }

    /** The captcha and its answer; the answer leaves this package only inside the image. */
    record Issued(Captcha captcha, String answer) {
        @Override
        public String toString() {
            return "Issued[" + captcha + "]";
        }

        Drawn drawn() {
            return new Drawn(captcha, hash(answer));
        }
    }

    Issued issueWithAnswer() {
        Issued issued = drawWithAnswer();
        database.inTransactionDo(tx -> insert(tx, null, issued.drawn()));
        return issued;
    }

    private Issued drawWithAnswer() {
        String answer = newAnswer();
        byte[] png = renderer.renderPng(answer, random);
        Instant expiresAt = clock.instant().truncatedTo(ChronoUnit.MICROS).plus(LIFETIME);
        return new Issued(new Captcha(UUID.randomUUID().toString(), png, expiresAt), answer);
    }

    private void insert(DSLContext tx, String flowId, Drawn drawn) {
        Captcha captcha = drawn.captcha();
        captchas.insert(tx, captcha.id(), flowId, drawn.answerHash(), captcha.expiresAt().minus(LIFETIME),
                captcha.expiresAt());
    }

    /** Another image for a user who can't read this one: the old captcha is used up, a new one issued. */
    public Captcha refresh(String previousId) {
        if (previousId != null) {
            database.inTransactionDo(tx -> captchas.consume(tx, previousId, null, clock.instant()));
        }
        return issue();
    }

    /**
     * {@link #verify(DSLContext, String, String, String)} for a captcha outside any flow, in a
     * transaction of its own.
     */
    public boolean verify(String id, String answer) {
        return database.inTransaction(tx -> verify(tx, null, id, answer));
    }

    /**
     * Whether {@code answer} solves captcha {@code id} of flow {@code flowId} (null: outside any flow),
     * which this uses up. False for an unknown, used or expired captcha (expired from {@link #LIFETIME}
     * after issue on), another flow's captcha, or a wrong or missing answer.
     */
    public boolean verify(DSLContext tx, String flowId, String id, String answer) {
        if (id == null) {
            return false;
        }
        Instant now = clock.instant();
        Optional<CaptchaRepository.Stored> stored = captchas.consume(tx, id, flowId, now);
        if (stored.isEmpty() || !now.isBefore(stored.get().expiresAt()) || answer == null) {
            return false;
        }
        String typed = normalize(answer);
        boolean right = MessageDigest.isEqual(bytes(hash(typed)), bytes(stored.get().answerHash()));
        boolean testAnswer = testMode && MessageDigest.isEqual(bytes(typed), bytes(TestModeFeature.CAPTCHA_ANSWER));
        return right || testAnswer;
    }

    /** Housekeeping: drops captchas that expired before {@code cutoff}; returns how many. */
    public int purgeExpiredBefore(Instant cutoff) {
        return database.inTransaction(tx -> captchas.deleteExpiredBefore(tx, cutoff));
    }

    /** What an answer is compared as: without any whitespace, upper case. */
    static String normalize(String answer) {
        return answer.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    }

    private String newAnswer() {
        StringBuilder answer = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            answer.append(CaptchaGlyphs.ALPHABET.charAt(random.nextInt(CaptchaGlyphs.ALPHABET.length())));
        }
        return answer.toString();
    }

    private static String hash(String normalizedAnswer) {
        return Tokens.sha256Hex(normalize(normalizedAnswer));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "CaptchaService[testMode=" + testMode + "]";
    }
}
