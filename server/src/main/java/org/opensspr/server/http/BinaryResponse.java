package org.opensspr.server.http;

/** A non-JSON success body, such as a captcha image. */
public record BinaryResponse(String contentType, byte[] bytes) {
}
