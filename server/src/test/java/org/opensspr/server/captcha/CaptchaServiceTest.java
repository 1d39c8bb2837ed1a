package org.opensspr.server.captcha;

import org.opensspr.server.crypto.Tokens;
import org.opensspr.server.db.Database;
import org.opensspr.server.testing.OnBothDatabases;
import org.opensspr.server.testmode.TestModeFeature;
import org.opensspr.server.time.ServerClock;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opensspr.server.db.Tables.CAPTCHA;

/** Captchas on H2 and PostgreSQL: the image, single use, the two-minute expiry and test mode. */
class CaptchaServiceTest {
    private static final Instant START = Instant.parse("2026-11-03T09:00:00Z");

    private final ServerClock clock = ServerClock.movable(Clock.fixed(START, ZoneOffset.UTC));

    @OnBothDatabases
    void issuesA200By70PngThatDiffersEveryTime(Database db) throws IOException {
        CaptchaService captchas = new CaptchaService(db, clock, false);

        Captcha first = captchas.issue();
        Captcha second = captchas.issue();

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(first.png()));
        assertThat(image.getWidth()).isEqualTo(200);
        assertThat(image.getHeight()).isEqualTo(70);
        assertThat(ImageIO.read(new ByteArrayInputStream(second.png()))).isNotNull();
        assertThat(first.png()).isNotEqualTo(second.png());
        assertThat(first.id()).isNotEqualTo(second.id());
        assertThat(first.expiresAt()).isEqualTo(START.plus(Duration.ofMinutes(2)));
        assertThat(first.toString()).doesNotContain("[B@").contains(first.id());
    }

    @OnBothDatabases
    void theRightAnswerWorksOnceIgnoringCaseAndSpaces(Database db) {
        CaptchaService captchas = new CaptchaService(db, clock, false);
        CaptchaService.Issued issued = captchas.issueWithAnswer();
        String typed = " " + issued.answer().substring(0, 3).toLowerCase(Locale.ROOT) + " "
                + issued.answer().substring(3) + " ";

        assertThat(captchas.verify(issued.captcha().id(), typed)).isTrue();
        assertThat(captchas.verify(issued.captcha().id(), issued.answer())).as("second use").isFalse();
    }

    @OnBothDatabases
    void aWrongAnswerUsesTheCaptchaUp(Database db) {
        CaptchaService captchas = new CaptchaService(db, clock, false);
        CaptchaService.Issued issued = captchas.issueWithAnswer();
        CaptchaService.Issued unanswered = captchas.issueWithAnswer();

        assertThat(captchas.verify(issued.captcha().id(), "WRONG1")).isFalse();
        assertThat(captchas.verify(issued.captcha().id(), issued.answer())).isFalse();
        assertThat(captchas.verify(unanswered.captcha().id(), null)).isFalse();
        assertThat(captchas.verify(unanswered.captcha().id(), unanswered.answer())).isFalse();
        assertThat(captchas.verify("no-such-captcha", "ACEFGH")).isFalse();
        assertThat(captchas.verify(null, "ACEFGH")).isFalse();
    }

    @OnBothDatabases
    void expiresExactlyTwoMinutesAfterIssue(Database db) {
        CaptchaService captchas = new CaptchaService(db, clock, false);
        CaptchaService.Issued inTime = captchas.issueWithAnswer();
        CaptchaService.Issued late = captchas.issueWithAnswer();

        clock.advance(Duration.ofMinutes(2).minusNanos(1000));
        assertThat(captchas.verify(inTime.captcha().id(), inTime.answer())).as("at 1:59.999999").isTrue();

        clock.advance(Duration.ofNanos(1000));
        assertThat(captchas.verify(late.captcha().id(), late.answer())).as("at 2:00").isFalse();
    }

    @OnBothDatabases
    void testModeAlsoAcceptsTheFixedAnswerAndOnlyInTestMode(Database db) {
        CaptchaService testMode = new CaptchaService(db, clock, true);
        CaptchaService production = new CaptchaService(db, clock, false);

        assertThat(testMode.verify(testMode.issue().id(), TestModeFeature.CAPTCHA_ANSWER)).isTrue();
        assertThat(testMode.verify(testMode.issue().id(), "opensspr")).isTrue();
        CaptchaService.Issued real = testMode.issueWithAnswer();
        assertThat(testMode.verify(real.captcha().id(), real.answer())).isTrue();
        assertThat(production.verify(production.issue().id(), TestModeFeature.CAPTCHA_ANSWER)).isFalse();

        String fixedAnswerTwice = testMode.issue().id();
        assertThat(testMode.verify(fixedAnswerTwice, TestModeFeature.CAPTCHA_ANSWER)).isTrue();
        assertThat(testMode.verify(fixedAnswerTwice, TestModeFeature.CAPTCHA_ANSWER)).as("still single use").isFalse();
    }

    @OnBothDatabases
    void refreshRetiresTheOldCaptcha(Database db) {
        CaptchaService captchas = new CaptchaService(db, clock, false);
        CaptchaService.Issued old = captchas.issueWithAnswer();

        Captcha fresh = captchas.refresh(old.captcha().id());

        assertThat(fresh.id()).isNotEqualTo(old.captcha().id());
        assertThat(captchas.verify(old.captcha().id(), old.answer())).isFalse();
        assertThat(captchas.refresh(null).id()).isNotBlank();
    }

    @OnBothDatabases
    void storesOnlyTheAnswersHashAndPurgesExpiredRows(Database db) {
        CaptchaService captchas = new CaptchaService(db, clock, false);
        CaptchaService.Issued issued = captchas.issueWithAnswer();

        var row = db.dsl().selectFrom(CAPTCHA).where(CAPTCHA.ID.eq(issued.captcha().id())).fetchOne();
        assertThat(row.getAnswerHash()).isEqualTo(Tokens.sha256Hex(issued.answer()));
        assertThat(row.intoList()).noneMatch(value -> String.valueOf(value).contains(issued.answer()));
        assertThat(row.getCreatedAt().toInstant()).isEqualTo(START);
        assertThat(row.getUsedAt()).isNull();

        clock.advance(Duration.ofMinutes(3));
        captchas.issue();
        assertThat(captchas.purgeExpiredBefore(clock.instant())).isEqualTo(1);
        assertThat(db.dsl().fetchCount(CAPTCHA)).isEqualTo(1);
    }
}
