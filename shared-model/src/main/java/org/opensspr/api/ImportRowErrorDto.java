package org.opensspr.api;

/**
 * What is wrong with one value of an imported file.
 *
 * @param line    the file's line where the record starts, from 1 (the header is line 1)
 * @param column  the column's header name, or "" when the whole line is at fault
 * @param message a readable reason
 */
public record ImportRowErrorDto(int line, String column, String message) {
}
