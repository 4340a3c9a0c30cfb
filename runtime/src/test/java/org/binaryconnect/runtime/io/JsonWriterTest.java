package org.binaryconnect.runtime.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class JsonWriterTest {

    @Test
    void indentsNestedContainersAndPlacesCommas() {
        JsonWriter json = new JsonWriter().beginObject()
                .member("name", "Mlp")
                .member("epochs", 2)
                .member("ok", true);
        json.name("rows").beginArray().inlineArray(1, 2).inlineArray().endArray();
        json.name("empty").beginObject().endObject();
        json.name("list").beginArray().beginObject().member("a", 0.5).endObject().value("x").endArray();

        assertEquals("""
                {
                  "name": "Mlp",
                  "epochs": 2,
                  "ok": true,
                  "rows": [
                    [1, 2],
                    []
                  ],
                  "empty": {},
                  "list": [
                    {
                      "a": 0.5
                    },
                    "x"
                  ]
                }
                """, json.endObject().toString());
    }

    @Test
    void keepsAnInlineObjectAndWhatItHoldsOnOneLine() {
        JsonWriter json = new JsonWriter().beginObject();
        json.name("classes").beginArray()
                .beginInlineObject().member("class", 0).member("accuracy", Double.NaN).endObject()
                .beginInlineObject().member("class", 1).name("row").inlineArray(2, 3).name("o").beginObject()
                .member("x", "\u2029").endObject().endObject()
                .beginInlineObject().endObject()
                .endArray();

        assertEquals("""
                {
                  "classes": [
                    {"class": 0, "accuracy": null},
                    {"class": 1, "row": [2, 3], "o": {"x": "\\u2029"}},
                    {}
                  ]
                }
                """, json.endObject().toString());
    }

    @Test
    void nonFiniteNumbersAndNullStringsAreNull() {
        String json = new JsonWriter().beginArray().value(Double.NaN).value(Double.POSITIVE_INFINITY)
                .value((String) null).value(1e-6).endArray().toString();

        assertEquals("[\n  null,\n  null,\n  null,\n  1.0E-6\n]\n", json);
    }

    @Test
    void escapesWhatJsonAndJavaScriptCannotHoldRaw() {
        assertEquals("\"a\\\"b\\\\c\\nd\\u0001\\u2028<&>\"", JsonWriter.quote("a\"b\\c\nd\u0001\u2028<&>"));
    }

    @Test
    void refusesToEndWithAContainerOpen() {
        JsonWriter json = new JsonWriter().beginObject().name("a").beginArray();

        assertThrows(IllegalStateException.class, json::toString);
    }
}
