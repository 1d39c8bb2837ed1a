package org.opensspr.bench.keycloak;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The action link out of a reset email, through MIME as it arrives over SMTP. */
class MailLinksTest {
    private static final String LINK = "http://127.0.0.1:41234/realms/r/login-actions/action-token?key="
            + "eyJhbGciOiJIUzUxMiJ9." + "x".repeat(300) + ".sig&client_id=c&tab_id=t1&client_data=abc";

    @Test
    void theLinkComesOutOfTheTextPartOfAMultipartEmailWhateverItsTransferEncoding() throws Exception {
        MimeMultipart alternatives = new MimeMultipart("alternative");
        MimeBodyPart text = new MimeBodyPart();
        // Quoted-printable splits the long link over several lines with soft breaks.
        text.setText("Someone just requested to change your account's credentials. Click:\n\n" + LINK
                + "\n\nThis link will expire within 5 minutes.", "UTF-8");
        text.setHeader("Content-Transfer-Encoding", "quoted-printable");
        MimeBodyPart html = new MimeBodyPart();
        html.setContent("<a href=\"" + LINK.replace("&", "&amp;") + "\">Link</a>", "text/html; charset=UTF-8");
        alternatives.addBodyPart(text);
        alternatives.addBodyPart(html);
        MimeMessage sent = new MimeMessage(Session.getInstance(new Properties()));
        sent.setContent(alternatives);
        sent.saveChanges();

        String plain = Mailbox.plainText(overTheWire(sent));

        assertThat(MailLinks.actionLink(plain)).contains(LINK);
    }

    @Test
    void anHtmlBodysEscapedLinkIsUnescapedAndTrailingPunctuationDropped() {
        assertThat(MailLinks.actionLink("<p>Open <a href=\"" + LINK.replace("&", "&amp;") + "\">this</a></p>"))
                .contains(LINK);
        assertThat(MailLinks.actionLink("Open " + LINK + ".")).contains(LINK);
    }

    @Test
    void anEmailWithoutAnActionLinkHasNone() {
        assertThat(MailLinks.actionLink("Your password was changed: http://127.0.0.1/realms/r/account")).isEmpty();
    }

    private static MimeMessage overTheWire(MimeMessage message) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        message.writeTo(bytes);
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(bytes.toByteArray()));
    }
}
