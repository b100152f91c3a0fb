package io.ringway.storage.object;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringway.storage.object.RangeHeader.ByteSpan;
import org.junit.jupiter.api.Test;

/** swob's Range parsing and ranges_for_length, case by case from swob's docstring and tests. */
class RangeHeaderTests {

    @Test
    void parsesSpecsOfAllThreeForms() {
        RangeHeader range = RangeHeader.parse("bytes=0-1, 5-, -3");
        assertThat(range).isNotNull();
        assertThat(range.specs()).containsExactly(new RangeHeader.Spec(0L, 1L), new RangeHeader.Spec(5L, null),
                new RangeHeader.Spec(null, 3L));
    }

    @Test
    void syntacticallyInvalidHeadersAreIgnoredWhole() {
        for (String header : new String[] {"", "bytes", "items=0-1", "bytes=5-3", "bytes=-", "bytes=45", "bytes=a-1",
            "bytes=1-b", "bytes=0-1,5", "bytes=--0", "bytes=1--2"}) {
            assertThat(RangeHeader.parse(header)).as(header).isNull();
        }
        assertThat(RangeHeader.parse(null)).isNull();
    }

    @Test
    void acceptsPythonIntForms() {
        assertThat(RangeHeader.parse("BYTES=+1-2")).isNotNull();
        assertThat(RangeHeader.parse("bytes=1_0-20").specs()).containsExactly(new RangeHeader.Spec(10L, 20L));
    }

    @Test
    void rangesForLengthClampsAndSkipsUnsatisfiable() {
        assertThat(RangeHeader.parse("bytes=2-4").forLength(10)).containsExactly(new ByteSpan(2, 5));
        assertThat(RangeHeader.parse("bytes=8-100").forLength(10)).containsExactly(new ByteSpan(8, 10));
        assertThat(RangeHeader.parse("bytes=-3").forLength(10)).containsExactly(new ByteSpan(7, 10));
        assertThat(RangeHeader.parse("bytes=-30").forLength(10)).containsExactly(new ByteSpan(0, 10));
        assertThat(RangeHeader.parse("bytes=-0").forLength(10)).isEmpty();
        assertThat(RangeHeader.parse("bytes=10-").forLength(10)).isEmpty();
        assertThat(RangeHeader.parse("bytes=10-20,0-0").forLength(10)).containsExactly(new ByteSpan(0, 1));
    }

    @Test
    void egregiousRangeSetsAreUnsatisfiable() {
        StringBuilder many = new StringBuilder("bytes=0-0");
        for (int i = 1; i <= 50; i++) {
            many.append(',').append(i).append('-').append(i);
        }
        assertThat(RangeHeader.parse(many.toString()).forLength(100)).isEmpty();
        assertThat(RangeHeader.parse("bytes=0-10,1-10,2-10").forLength(100)).isEmpty();
        assertThat(RangeHeader.parse("bytes=0-10,1-10").forLength(100)).hasSize(2);
        assertThat(RangeHeader.parse("bytes=8-8,7-7,6-6,5-5,4-4,3-3,2-2,1-1").forLength(100)).isEmpty();
        assertThat(RangeHeader.parse("bytes=7-7,6-6,5-5,4-4,3-3,2-2,1-1").forLength(100)).hasSize(7);
    }

    @Test
    void contentRangeIsInclusive() {
        assertThat(new ByteSpan(2, 5).contentRange(10)).isEqualTo("bytes 2-4/10");
    }
}
