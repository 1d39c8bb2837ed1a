package org.opensspr.server.reset;

import org.opensspr.api.CaptchaDto;
import org.opensspr.server.captcha.Captcha;
import org.opensspr.server.captcha.CaptchaService;

import java.util.Base64;

/** The identify step's captcha, as the kiosk receives it (a base64 PNG). */
final class CaptchaGate implements Captchas {
    private final CaptchaService service;

    CaptchaGate(CaptchaService service) {
        this.service = service;
    }

    @Override
    public CaptchaDto issue() {
        Captcha captcha = service.issue();
        return new CaptchaDto(captcha.id(), Base64.getEncoder().encodeToString(captcha.png()), captcha.expiresAt());
    }

    @Override
    public boolean verify(String captchaId, String answer) {
        return captchaId != null && answer != null && service.verify(captchaId, answer);
    }
}
