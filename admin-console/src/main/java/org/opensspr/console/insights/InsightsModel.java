package org.opensspr.console.insights;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.opensspr.api.InsightsDto;
import org.opensspr.client.OpenSsprClient;
import org.opensspr.console.CallFailures;
import org.opensspr.console.ConsoleContext;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The Usage & insights view's state: the range of days asked for, the server's report on it, and the administrator's
 * estimate of a helpdesk call's cost. Only the latest range's answer is shown, however the answers arrive.
 */
public final class InsightsModel {
    private final ConsoleContext context;
    private final OpenSsprClient client;
    private final ZoneId zone;
    private final Clock clock;
    private final HelpdeskCostSetting costSetting;
    private final ObjectProperty<RangePreset> preset = new SimpleObjectProperty<>(RangePreset.LAST_30_DAYS);
    private final ReadOnlyObjectWrapper<DayRange> range = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<InsightsDto> report = new ReadOnlyObjectWrapper<>();
    private final BooleanProperty loading = new SimpleBooleanProperty(false);
    private final StringProperty rangeProblem = new SimpleStringProperty("");
    private final StringProperty failure = new SimpleStringProperty("");
    private final ObjectProperty<HelpdeskCost> cost = new SimpleObjectProperty<>();
    private long request;

    /** {@code zone}: where the administrator's days begin and end; {@code clock} says which day is today. */
    public InsightsModel(ConsoleContext context, OpenSsprClient client, ZoneId zone, Clock clock) {
        this.context = context;
        this.client = client;
        this.zone = zone;
        this.clock = clock;
        this.costSetting = new HelpdeskCostSetting(context.settings());
        cost.set(costSetting.load().orElse(null));
    }

    /** Reports the days {@code chosen} covers up to today; for {@link RangePreset#CUSTOM}, waits for its days. */
    public void choose(RangePreset chosen) {
        preset.set(chosen);
        chosen.range(today()).ifPresent(this::load);
    }

    /** Reports {@code from} to {@code to}, or says why not ({@link #rangeProblemProperty()}) and asks nothing. */
    public void chooseDays(LocalDate from, LocalDate to) {
        preset.set(RangePreset.CUSTOM);
        Optional<String> problem = DayRange.problemWith(from, to);
        if (problem.isPresent()) {
            // Only "too long" takes an argument: a text formatted without one keeps its apostrophes as written.
            rangeProblem.set(problem.get().equals("insights.range.tooLong")
                    ? context.text(problem.get(), DayRange.MAX_DAYS) : context.text(problem.get()));
            return;
        }
        load(new DayRange(from, to));
    }

    /** Asks again for the range shown (for a preset, up to today as it is now). */
    public void reload() {
        DayRange again = preset.get().range(today()).orElse(range.get());
        if (again != null) {
            load(again);
        }
    }

    private void load(DayRange asked) {
        rangeProblem.set("");
        range.set(asked);
        long number = ++request;
        loading.set(true);
        context.background().run(() -> client.insights().report(asked.from(), asked.to(), zone), answer -> {
            if (number == request) {
                failure.set("");
                report.set(answer);
                loading.set(false);
            }
        }, error -> {
            if (number == request) {
                failure.set(context.text("insights.failed", CallFailures.describe(context, error)));
                report.set(null); // no figures of another range beside the one now chosen
                loading.set(false);
            }
        });
    }

    /** Remembers the administrator's estimate for the next run too. */
    public void setCost(HelpdeskCost estimate) {
        costSetting.save(estimate);
        cost.set(estimate);
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    public ZoneId zone() {
        return zone;
    }

    public ReadOnlyObjectProperty<RangePreset> presetProperty() {
        return preset;
    }

    /** The range the report shown (or being asked for) covers; null before the first. */
    public ReadOnlyObjectProperty<DayRange> rangeProperty() {
        return range.getReadOnlyProperty();
    }

    /** The report on {@link #rangeProperty()}; null until it came, or when it couldn't be read. */
    public ReadOnlyObjectProperty<InsightsDto> reportProperty() {
        return report.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading;
    }

    /** Why the custom days can't be reported, or empty. */
    public StringProperty rangeProblemProperty() {
        return rangeProblem;
    }

    /** Why the last report couldn't be read, or empty. */
    public StringProperty failureProperty() {
        return failure;
    }

    /** The administrator's cost per helpdesk call; null until they entered one. */
    public ReadOnlyObjectProperty<HelpdeskCost> costProperty() {
        return cost;
    }
}
