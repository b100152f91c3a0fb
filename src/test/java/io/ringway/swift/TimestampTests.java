package io.ringway.swift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Swift's Timestamp formats and ordering, with values from Swift's own unit tests. */
class TimestampTests {

    @Test
    void formatsTheNormalFormWithFixedWidth() {
        assertThat(Timestamp.parse("1402464677.04188").normal()).isEqualTo("1402464677.04188");
        assertThat(Timestamp.parse("1").normal()).isEqualTo("0000000001.00000");
        assertThat(Timestamp.parse("1402464677.041886").normal()).isEqualTo("1402464677.04189");
        assertThat(Timestamp.parse("0").normal()).isEqualTo("0000000000.00000");
    }

    @Test
    void showsTheOffsetOnlyInTheInternalForm() {
        Timestamp withOffset = Timestamp.parse("1402464677.04188_00000000000000ff");

        assertThat(withOffset.offset()).isEqualTo(255);
        assertThat(withOffset.normal()).isEqualTo("1402464677.04188");
        assertThat(withOffset.internal()).isEqualTo("1402464677.04188_00000000000000ff");
        assertThat(Timestamp.parse("1402464677.04188").internal()).isEqualTo("1402464677.04188");
    }

    @Test
    void ordersByTimeThenOffset() {
        Timestamp early = Timestamp.parse("1402464677.04188");
        Timestamp sameTimeLaterOffset = Timestamp.parse("1402464677.04188_0000000000000001");
        Timestamp later = Timestamp.parse("1402464677.04189");

        assertThat(early).isLessThan(sameTimeLaterOffset);
        assertThat(sameTimeLaterOffset).isLessThan(later);
        assertThat(Timestamp.parse("1402464677.041880")).isEqualByComparingTo(early);
    }

    @Test
    void comparesOffsetsUnsigned() {
        Timestamp huge = Timestamp.parse("1.0_ffffffffffffffff");

        assertThat(huge).isGreaterThan(Timestamp.parse("1.0_0000000000000001"));
    }

    @Test
    void rejectsWhatSwiftRejects() {
        assertThatThrownBy(() -> Timestamp.parse("-1")).hasMessage("timestamp cannot be negative");
        assertThatThrownBy(() -> Timestamp.parse("10000000000")).hasMessage("timestamp too large");
        assertThatThrownBy(() -> Timestamp.parse("abc")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Timestamp.parse("1.0_xyz")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Timestamp.parse("1.0_1_2")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Timestamp.parseOrNull("nope")).isNull();
        assertThat(Timestamp.parseOrNull(null)).isNull();
    }

    @Test
    void convertsMillisAndSeconds() {
        Timestamp ts = Timestamp.ofMillis(1_700_000_000_123L);

        assertThat(ts.normal()).isEqualTo("1700000000.12300");
        assertThat(ts.seconds()).isEqualTo(1_700_000_000L);
        assertThat(ts.epochMillis()).isEqualTo(1_700_000_000_123L);
    }

    @Test
    void nowHasSwiftsTenMicrosecondPrecisionNotMilliseconds() {
        // Swift's proxy stamps writes to 10 us; a millisecond clock would make two writes of one
        // name in the same millisecond collide (409 from the object servers).
        boolean belowMillis = false;
        for (int i = 0; i < 1000 && !belowMillis; i++) {
            belowMillis = Timestamp.now().raw() % 100 != 0;
        }
        assertThat(belowMillis).isTrue();
        assertThat(Timestamp.now().epochMillis()).isCloseTo(System.currentTimeMillis(), org.assertj.core.data.Offset.offset(1000L));
    }

    @Test
    void readsShortDecimalsExactlyAndLongerOnesRounded() {
        assertThat(Timestamp.parse("1402464677.5").raw()).isEqualTo(140246467750000L);
        assertThat(Timestamp.parse("1402464677.").raw()).isEqualTo(140246467700000L);
        assertThat(Timestamp.parse("9999999999.99999").normal()).isEqualTo("9999999999.99999");
        assertThat(Timestamp.parse("1402464677.000005").normal()).isEqualTo("1402464677.00000");
        assertThat(Timestamp.parse("1402464677.000015").normal()).isEqualTo("1402464677.00002");
        assertThat(Timestamp.parse("1e3").normal()).isEqualTo("0000001000.00000");
        assertThat(Timestamp.parse("+5").normal()).isEqualTo("0000000005.00000");
    }

    @Test
    void readsItsOwnFormsBack() {
        for (long raw : new long[] {0, 1, 99_999, 100_000, 170_000_000_012_345L, 999_999_999_999_999L}) {
            Timestamp ts = new Timestamp(raw, 0x1f);

            assertThat(Timestamp.parse(ts.normal())).isEqualTo(new Timestamp(raw, 0));
            assertThat(Timestamp.parse(ts.internal())).isEqualTo(ts);
            assertThat(ts.internal()).hasSize(33);
        }
    }
}
