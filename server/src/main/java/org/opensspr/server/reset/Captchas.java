package org.opensspr.server.reset;

import org.jooq.DSLContext;
import org.opensspr.api.CaptchaDto;
import org.opensspr.server.captcha.CaptchaService;

import java.util.Optional;

/**
 * The captchas of the identify step, each bound to its flow: drawn outside the transaction (drawing costs
 * CPU), stored inside it, single use, checked once.
 */
interface Captchas {
    CaptchaService.Drawn draw();

    /** Stores a drawn captcha for the flow (its earlier ones are spent); empty once the flow has drawn its share. */
    Optional<CaptchaDto> store(DSLContext tx, String flowId, CaptchaService.Drawn drawn);

    /** Stores the first captcha of a flow begun in this transaction. */
    CaptchaDto storeFirst(DSLContext tx, String flowId, CaptchaService.Drawn drawn);

    /** Consumes the captcha whatever the answer; true only for the flow's own captcha, answered right in time. */
    boolean verify(DSLContext tx, String flowId, String captchaId, String answer);
}
