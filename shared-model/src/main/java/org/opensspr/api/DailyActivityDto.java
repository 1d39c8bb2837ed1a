package org.opensspr.api;

import java.time.LocalDate;

/**
 * One day's self-service activity.
 *
 * @param day              the day, in the report's zone
 * @param resetsSucceeded  passwords reset (self-service)
 * @param resetsFailed     resets that failed at their last step (the directory refused, writeback failed)
 * @param unlocksSucceeded accounts unlocked (self-service)
 * @param unlocksFailed    unlocks that failed at their last step
 * @param blocked          times a user was blocked from self-service reset
 */
public record DailyActivityDto(LocalDate day, long resetsSucceeded, long resetsFailed, long unlocksSucceeded,
                               long unlocksFailed, long blocked) {
}
