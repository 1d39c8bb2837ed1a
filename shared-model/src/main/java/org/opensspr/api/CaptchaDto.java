package org.opensspr.api;

import com.fasterxml.jackson.annotation.JsonClassDescription;

import java.time.Instant;

@JsonClassDescription("A captcha to solve: a PNG image (base64) and when it stops being accepted")
public record CaptchaDto(String captchaId, String pngBase64, Instant expiresAt) {
}
