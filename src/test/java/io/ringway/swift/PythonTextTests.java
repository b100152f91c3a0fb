package io.ringway.swift;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The Python text operations, with the values Python 3.11 gives for them. */
class PythonTextTests {

    @Test
    void quoteKeepsAlwaysSafeAndGivenCharactersAndEscapesUtf8Bytes() {
        assertThat(PythonText.quote("/v1/a b~c_d.e-f%é", "/")).isEqualTo("/v1/a%20b~c_d.e-f%25%C3%A9");
        assertThat(PythonText.quote("Host: x\n{MD5}", ":/{}")).isEqualTo("Host:%20x%0A{MD5}");
    }

    @Test
    void unquoteDecodesEscapesAndKeepsMalformedOnes() {
        assertThat(new String(PythonText.unquoteToBytes("a%20b%zz%4"), StandardCharsets.ISO_8859_1)).isEqualTo("a b%zz%4");
        assertThat(PythonText.unquoteToBytes("caf%C3%A9")).containsExactly('c', 'a', 'f', 0xc3, 0xa9);
    }

    @Test
    void fixedRoundsTheExactBinaryValueHalfEven() {
        assertThat(PythonText.fixed(0.125, 2)).isEqualTo("0.12");
        assertThat(PythonText.fixed(0.375, 2)).isEqualTo("0.38");
        assertThat(PythonText.fixed(1.0005, 3)).isEqualTo("1.000");
        assertThat(PythonText.fixed(1700000000.123456789, 9)).isEqualTo("1700000000.123456717");
    }

    @Test
    void reprIsPythonsShortestFloatText() {
        assertThat(PythonText.repr(0.125)).isEqualTo("0.125");
        assertThat(PythonText.repr(2.0)).isEqualTo("2.0");
        assertThat(PythonText.repr(0.0001)).isEqualTo("0.0001");
        assertThat(PythonText.repr(0.00001)).isEqualTo("1e-05");
        assertThat(PythonText.repr(1.5e16)).isEqualTo("1.5e+16");
        assertThat(PythonText.repr(1e22)).isEqualTo("1e+22");
    }

    @Test
    void titleCapitalizesAfterEveryNonLetter() {
        assertThat(PythonText.title("x-object-meta-color1tone")).isEqualTo("X-Object-Meta-Color1Tone");
        assertThat(PythonText.title("ETAG")).isEqualTo("Etag");
    }

    @Test
    void wsgiToStrReadsHeaderBytesAsUtf8() {
        String wire = new String("text/\u00e4\u2603".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);

        assertThat(PythonText.wsgiToStr(wire)).isEqualTo("text/\u00e4\u2603");
        assertThat(PythonText.wsgiToStr("d41d8cd98f00b204e9800998ecf8427e")).isEqualTo("d41d8cd98f00b204e9800998ecf8427e");
    }
}
