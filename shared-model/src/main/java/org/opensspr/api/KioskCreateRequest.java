package org.opensspr.api;

/**
 * An administrator's request to add a kiosk ({@code POST /api/v1/kiosks}); the answer is a
 * {@link KioskEnrollmentCodeDto}.
 *
 * @param name how the kiosk appears in lists, for example "Reception, building 2" (1–100 characters)
 */
public record KioskCreateRequest(String name) {
}
