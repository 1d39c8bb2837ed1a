package org.opensspr.bench.keycloak;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Forms and links as Keycloak's login theme writes them. */
class HtmlFormTest {
    private static final String LOGIN_PAGE = """
            <form id="kc-form-login" onsubmit="login.disabled = true; return true;" action="http://127.0.0.1:8080/realms/r/login-actions/authenticate?session_code=abc&amp;execution=e1&amp;client_id=c&amp;tab_id=t1" method="post" novalidate="novalidate">
              <input id="username" name="username" value="" type="text" autocomplete="username" autofocus>
              <input id="password" name="password" value="" type="password">
              <a href="/realms/r/login-actions/reset-credentials?client_id=c&amp;tab_id=t1">Forgot Password?</a>
              <input type="hidden" id="id-hidden-input" name="credentialId" />
            </form>
            """;

    private static final String UPDATE_PASSWORD_PAGE = """
            <form id="search" action="/search" method="get"><input name="q" type="text"></form>
            <form id="kc-passwd-update-form" action='/realms/r/login-actions/required-action?execution=UPDATE_PASSWORD&amp;tab_id=t2' method="post">
              <input type="password" id="password-new" name="password-new" autofocus>
              <input type="password" id="password-confirm" name="password-confirm">
              <input type="checkbox" id="logout-sessions" name="logout-sessions" value="on" checked>
              <input type="checkbox" name="remember" value="yes">
              <input type="hidden" name="stateChecker" value="x&quot;y">
              <input type="hidden" name="gone" value="1" disabled>
            </form>
            """;

    @Test
    void aFormByItsIdHasItsActionUnescapedAndOnlyTheFieldsABrowserSendsByItself() {
        HtmlForm form = HtmlForm.find(UPDATE_PASSWORD_PAGE, "kc-passwd-update-form", "password-new").orElseThrow();

        assertThat(form.action()).isEqualTo("/realms/r/login-actions/required-action?execution=UPDATE_PASSWORD&tab_id=t2");
        assertThat(form.presetFields()).isEqualTo(Map.of("logout-sessions", "on", "stateChecker", "x\"y"));
    }

    @Test
    void withoutTheIdTheFormWithTheNamedFieldIsFound() {
        HtmlForm form = HtmlForm.find(LOGIN_PAGE, "no-such-id", "username").orElseThrow();

        assertThat(form.action()).endsWith("authenticate?session_code=abc&execution=e1&client_id=c&tab_id=t1");
        assertThat(form.presetFields()).isEqualTo(Map.of("credentialId", ""));
    }

    @Test
    void aPageWithoutSuchAFormHasNone() {
        assertThat(HtmlForm.find(LOGIN_PAGE, "kc-passwd-update-form", "password-new")).isEmpty();
        assertThat(HtmlForm.find("<p>We are sorry...</p>", "kc-form-login", "username")).isEmpty();
    }

    @Test
    void theForgotPasswordLinkIsFoundAndUnescaped() {
        assertThat(Html.linkContaining(LOGIN_PAGE, "/login-actions/reset-credentials"))
                .contains("/realms/r/login-actions/reset-credentials?client_id=c&tab_id=t1");
        assertThat(Html.linkContaining(LOGIN_PAGE, "/no-such-path")).isEmpty();
    }

    @Test
    void characterReferencesAreDecodedOnce() {
        assertThat(Html.unescape("a&amp;b &lt;&gt; &#39;&#x27; &amp;lt;")).isEqualTo("a&b <> '' &lt;");
    }
}
