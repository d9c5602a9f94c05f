package org.sunshinehub.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PackedColumnsUnitTests {

    @Test
    void givenAManifestWhenPackedThenUnpackedThenEveryValueComesBackInOrder() {
        // Given
        List<String> values = List.of("6650f0c1a2b3c4d5e6f70801", "", "13900000001", "oAbc-_=");

        // When
        Object stored = PackedColumns.pack(values);

        // Then
        assertThat(stored).isInstanceOf(String.class);
        assertThat(PackedColumns.unpack(stored)).containsExactlyElementsOf(values);
        assertThat(PackedColumns.unpack(PackedColumns.pack(List.of()))).isEmpty();
        assertThat(PackedColumns.unpack(PackedColumns.pack(List.of("")))).containsExactly("");
    }

    @Test
    void givenABlockStoredAsArraysByAnEarlierVersionWhenReadThenItsManifestIsTheArray() {
        assertThat(PackedColumns.unpack(List.of("a", "b"))).containsExactly("a", "b");
    }

    @Test
    void givenAValueWithTheSeparatorWhenPackedThenItIsRefused() {
        assertThatThrownBy(() -> PackedColumns.pack(List.of("a\u001Fb"))).isInstanceOf(IllegalArgumentException.class);
    }
}
