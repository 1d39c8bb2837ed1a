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
        return service.store(tx, flowId, drawn) ? Optional.of(dto(drawn)) : Optional.empty();
    }

    @Override
    public CaptchaDto storeFirst(DSLContext tx, String flowId, CaptchaService.Drawn drawn) {
        service.storeFirst(tx, flowId, drawn);
        return dto(drawn);
    }

    private static CaptchaDto dto(CaptchaService.Drawn drawn) {
        Captcha captcha = drawn.captcha();
        return new CaptchaDto(captcha.id(), Base64.getEncoder().encodeToString(captcha.png()), captcha.expiresAt());
    }

    @Override
    public boolean verify(DSLContext tx, String flowId, String captchaId, String answer) {
        return captchaId != null && answer != null && service.verify(tx, flowId, captchaId, answer);
    }
}
