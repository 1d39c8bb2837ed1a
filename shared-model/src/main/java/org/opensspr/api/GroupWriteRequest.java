package org.opensspr.api;

/** Creates a group or renames it; the name is unique regardless of case. Send "" for no description. */
public record GroupWriteRequest(String name, String description) {
}
