package org.sunshinehub.audience;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneNumbersUnitTests {

    @Test
    void prefixesAndSeparatorsAreNormalisedAway() {
        assertThat(PhoneNumbers.normalise("+86 138-0013-8000")).hasValue("13800138000");
        assertThat(PhoneNumbers.normalise("008613800138000")).hasValue("13800138000");
        assertThat(PhoneNumbers.normalise("8613800138000")).hasValue("13800138000");
        assertThat(PhoneNumbers.normalise("13800138000")).hasValue("13800138000");
    }

    @Test
    void whatIsNotAMainlandMobileIsRefused() {
        assertThat(PhoneNumbers.normalise("12800138000")).isEmpty();
        assertThat(PhoneNumbers.normalise("020-83331234")).isEmpty();
        assertThat(PhoneNumbers.normalise("1380013800")).isEmpty();
        assertThat(PhoneNumbers.normalise(null)).isEmpty();
    }

    @Test
    void masksKeepOnlyTheEnds() {
        assertThat(PhoneNumbers.mask("13800138000")).isEqualTo("138****8000");
        assertThat(PhoneNumbers.mask("12")).isEqualTo("***");
    }
}
