package org.opensspr.kiosk.signin;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.opensspr.kiosk.i18n.I18n;
import org.opensspr.ui.i18n.Language;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** The time, large, and the date under it, in the kiosk's language; ticks only while on screen. */
final class ClockView extends VBox {
    private final I18n i18n;
    private final Clock clock;
    private final Label time = new Label();
    private final Label date = new Label();
    private final Timeline ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> update()));
    private final ChangeListener<Language> onLanguage = (o, old, now) -> update();

    ClockView(I18n i18n, Clock clock) {
        this.i18n = i18n;
        this.clock = clock;
        time.setId("clockTime");
        time.getStyleClass().add("clock-time");
        date.setId("clockDate");
        date.getStyleClass().add("clock-date");
        getStyleClass().add("clock");
        setAlignment(Pos.CENTER);
        getChildren().addAll(time, date);
        ticker.setCycleCount(Timeline.INDEFINITE);
        update();
    }

    void start() {
        i18n.languageProperty().addListener(onLanguage);
        update();
        ticker.play();
    }

    void stop() {
        ticker.stop();
        i18n.languageProperty().removeListener(onLanguage);
    }

    private void update() {
        ZonedDateTime now = ZonedDateTime.now(clock);
        time.setText(DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(i18n.locale()).format(now));
        String day = DateTimeFormatter.ofPattern(i18n.get("clock.datePattern"), i18n.locale()).format(now);
        date.setText(day.isEmpty() ? day : Character.toUpperCase(day.charAt(0)) + day.substring(1));
    }
}
