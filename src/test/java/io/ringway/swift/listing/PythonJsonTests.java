package io.ringway.swift.listing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Python's json.dumps pieces; expected values are Python 3.11's {@code repr} and {@code json.dumps}. */
class PythonJsonTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1.5e-07 | 1.5e-07", "0.0001 | 0.0001", "0.00012345 | 0.00012345", "1e16 | 1e+16",
        "1.2345e16 | 1.2345e+16", "123456789012345.6 | 123456789012345.6", "1 | 1.0", "-2.5 | -2.5",
        "100 | 100.0", "1e22 | 1e+22", "0.1 | 0.1", "4.9e-324 | 5e-324",
        "1.7976931348623157e308 | 1.7976931348623157e+308", "-0.0 | -0.0", "2e23 | 2e+23", "0.3 | 0.3",
        "1e-5 | 1e-05", "123.456 | 123.456"})
    void writesFloatsAsPythonsRepr(double value, String python) {
        assertThat(PythonJson.floatRepr(value)).isEqualTo(python);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "a\"b\\c | '\"a\\\"b\\\\c\"'",
        "caf\u00e9 \ud83d\ude00 | '\"caf\\u00e9 \\ud83d\\ude00\"'"})
    void escapesStringsAsJsonDumpsWithEnsureAscii(String value, String python) {
        StringBuilder out = new StringBuilder();

        PythonJson.string(out, value);

        assertThat(out).hasToString(python);
    }

    @Test
    void escapesControlCharactersAndDelete() {
        StringBuilder out = new StringBuilder();

        PythonJson.string(out, "\u0000\u001f\u007f\b\f\r");

        assertThat(out).hasToString("\"\\u0000\\u001f\\u007f\\b\\f\\r\"");
    }
}
