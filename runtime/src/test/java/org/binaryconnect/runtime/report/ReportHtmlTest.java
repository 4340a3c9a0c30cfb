package org.binaryconnect.runtime.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ReportHtmlTest {

    @Test
    void escapesEveryCharacterThatCouldOpenMarkupOrEndAnAttribute() {
        assertEquals("&lt;script&gt;a&amp;b &quot;c&quot; &#39;d&#39;", ReportHtml.escape("<script>a&b \"c\" 'd'"));
    }

    @Test
    void durationsReadAsSecondsMinutesOrHours() {
        assertEquals("42.3 s", ReportHtml.duration(42.26));
        assertEquals("12 min 05 s", ReportHtml.duration(725.2));
        assertEquals("2 h 03 min 09 s", ReportHtml.duration(7389));
    }

    @Test
    void missingAccuraciesAreADash() {
        assertEquals("-", ReportHtml.fraction(Double.NaN));
        assertEquals("0.8713", ReportHtml.fraction(0.87125));
    }
}
