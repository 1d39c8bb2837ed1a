package org.opensspr.server.reset;

import org.opensspr.api.CaptchaDto;

/** The captcha of the identify step: issued with the step, single use, checked once. */
interface Captchas {
    CaptchaDto issue();

    /** Consumes the captcha whatever the answer; true only for the right answer in time. */
    boolean verify(String captchaId, String answer);
}
