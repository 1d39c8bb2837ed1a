package org.opensspr.server.crypto;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

import static org.assertj.core.api.Assertions.assertThat;

class Base32PropertyTest {

    @Property
    void decodingUndoesEncoding(@ForAll @Size(max = 64) byte[] data) {
        String text = Base32.encode(data);

        assertThat(text).matches("[A-Z2-7]*").hasSize((data.length * 8 + 4) / 5);
        assertThat(Base32.decode(text)).isEqualTo(data);
        assertThat(Base32.decode(Base32.encodePadded(data))).isEqualTo(data);
        assertThat(Base32.decode(text.toLowerCase())).isEqualTo(data);
    }

    @Property
    void decodingEitherSucceedsOrRefusesCleanly(@ForAll String text) {
        try {
            byte[] data = Base32.decode(text);
            assertThat(Base32.encode(data)).isEqualToIgnoringCase(text.replace("=", ""));
        } catch (IllegalArgumentException refused) {
            assertThat(refused).hasMessageStartingWith("Not base32");
        }
    }
}
