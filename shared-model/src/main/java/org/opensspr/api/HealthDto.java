package org.opensspr.api;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * What {@code GET /api/v1/health} answers.
 *
 * @param status  {@code "UP"} when the server can serve requests
 * @param version the server's version
 */
public record HealthDto(String status, String version) {

    public static final String UP = "UP";

    @JsonIgnore
    public boolean isUp() {
        return UP.equals(status);
    }
}
