package org.sunshinehub.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SourceCursorsUnitTests {

    @Test
    void numbersCompareAsNumbersAndTextAsText() {
        assertThat(SourceCursors.isAfter("10000", "9999")).isTrue();
        assertThat(SourceCursors.isAfter("9999", "10000")).isFalse();
        assertThat(SourceCursors.isAfter("2026-11-21T00:00:00+08:00", "2026-11-20T23:59:59+08:00")).isTrue();
        assertThat(SourceCursors.isAfter("5", "5")).isFalse();
    }
}
