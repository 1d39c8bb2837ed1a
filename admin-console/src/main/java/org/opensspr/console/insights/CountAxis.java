package org.opensspr.console.insights;

import javafx.scene.chart.NumberAxis;
import javafx.util.StringConverter;

/**
 * An axis of counts: whole numbers from zero, at a round step (1, 2, 5, 10, 20, 50…) giving at most about five ticks.
 * JavaFX's automatic range would label three resets 0, 0.5, 1, 1.5….
 */
final class CountAxis {
    private static final int TICKS = 5;

    private CountAxis() {
    }

    static NumberAxis upTo(long max, String label) {
        long step = step(max);
        long upper = Math.max(step, (max + step - 1) / step * step);
        NumberAxis axis = new NumberAxis(label, 0, upper, step);
        axis.setMinorTickVisible(false);
        axis.setAnimated(false);
        axis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number value) {
                return Long.toString(Math.round(value.doubleValue()));
            }

            @Override
            public Number fromString(String text) {
                return Long.parseLong(text);
            }
        });
        return axis;
    }

    /** The smallest of 1, 2, 5 × 10ⁿ that covers {@code max} in {@link #TICKS} steps. */
    static long step(long max) {
        long step = 1;
        while (true) {
            for (long factor : new long[] {1, 2, 5}) {
                if (step * factor * TICKS >= max) {
                    return step * factor;
                }
            }
            step *= 10;
        }
    }
}
