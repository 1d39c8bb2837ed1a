package org.opensspr.server.reset;

import org.jooq.DSLContext;
import org.opensspr.api.CaptchaDto;
import org.opensspr.server.captcha.Captcha;
import org.opensspr.server.captcha.CaptchaService;

import java.util.Base64;
import java.util.Optional;

/** The identify step's captcha, as the kiosk receives it (a base64 PNG). */
final class CaptchaGate implements Captchas {
    private final CaptchaService service;

    CaptchaGate(CaptchaService service) {
        this.service = service;
    }

    @Override
    public CaptchaService.Drawn draw() {
        return service.draw();
    }

    @Override
    public Optional<CaptchaDto> store(DSLContext tx, String flowId, CaptchaService.Drawn drawn) {
        if (!service.store(tx, flowId, drawn)) {
            return Optional.empty();
        }
        Captcha captcha = drawn.captcha();
        return Optional.of(new CaptchaDto(captcha.id(), Base64.getEncoder().encodeToString(captcha.png()),
                captcha.expiresAt()));
    }

    @Override
    public boolean verify(DSLContext tx, String flowId, String captchaId, String answer) {
        return captchaId != null && answer != null && service.verify(tx, flowId, captchaId, answer);
    }
}
