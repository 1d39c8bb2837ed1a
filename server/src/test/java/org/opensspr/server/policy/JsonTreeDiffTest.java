package org.opensspr.server.policy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opensspr.api.FieldChangeDto;
import org.opensspr.api.Json;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The generic tree diff, one case per row: {@code path=old>new}, changes separated by ';', '-' for absent. */
class JsonTreeDiffTest {
    private static final ObjectMapper JSON = Json.newMapper();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            equal trees                   | {"a":1,"b":["x"]}               | {"a":1,"b":["x"]}                        | (none)
            scalar changed                | {"a":1}                         | {"a":2}                                  | a=1>2
            nested field changed          | {"a":{"b":true,"c":"x"}}        | {"a":{"b":false,"c":"x"}}                | a.b=true>false
            two fields in field order     | {"a":1,"b":{"c":2},"d":3}       | {"a":9,"b":{"c":2},"d":4}                | a=1>9;d=3>4
            field added                   | {"a":1}                         | {"a":1,"b":[1]}                          | b=->[1]
            field removed                 | {"a":1,"b":"x"}                 | {"a":1}                                  | b="x">-
            null to value                 | {"a":null}                      | {"a":1}                                  | a=null>1
            value added to list           | {"m":["EMAIL","SMS"]}           | {"m":["EMAIL","SMS","APP"]}              | m=->"APP"
            first value removed, no shift | {"t":["a","b","c"]}             | {"t":["b","c"]}                          | t="a">-
            value inserted at the front   | {"t":["b","c"]}                 | {"t":["a","b","c"]}                      | t=->"a"
            one removed one added         | {"t":["a","b"]}                 | {"t":["b","c"]}                          | t="a">-;t=->"c"
            duplicate removed             | {"t":["a","a"]}                 | {"t":["a"]}                              | t="a">-
            numbers in a list             | {"n":[1,2,3]}                   | {"n":[3,1]}                              | n=2>-
            only the order changed        | {"t":["a","b"]}                 | {"t":["b","a"]}                          | t=["a","b"]>["b","a"]
            emptied list                  | {"t":["a","b"]}                 | {"t":[]}                                 | t="a">-;t="b">-
            object item field changed     | {"q":[{"id":"c1","text":"x"}]}  | {"q":[{"id":"c1","text":"y"}]}           | q[0].text="x">"y"
            object item appended          | {"q":[{"id":"c1"}]}             | {"q":[{"id":"c1"},{"id":"c2"}]}          | q[1]=->{"id":"c2"}
            object item dropped           | {"q":[{"id":"c1"},{"id":"c2"}]} | {"q":[{"id":"c1"}]}                      | q[1]={"id":"c2"}>-
            first object into empty list  | {"q":[]}                        | {"q":[{"id":"c1"}]}                      | q[0]=->{"id":"c1"}
            list became an object         | {"a":[1]}                       | {"a":{"x":1}}                            | a=[1]>{"x":1}
            object became a scalar        | {"a":{"x":1}}                   | {"a":"x"}                                | a={"x":1}>"x"
            deep path through a list      | {"s":{"q":[{"o":{"k":1}}]}}     | {"s":{"q":[{"o":{"k":2}}]}}              | s.q[0].o.k=1>2
            """)
    void reportsExactlyTheDifferences(String name, String before, String after, String expected) throws Exception {
        List<FieldChangeDto> changes = JsonTreeDiff.between(JSON.readTree(before), JSON.readTree(after));

        assertThat(changes).containsExactlyElementsOf(parse(expected));
    }

    private static List<FieldChangeDto> parse(String expected) {
        if (expected.equals("(none)")) {
            return List.of();
        }
        return Arrays.stream(expected.split(";")).map(change -> {
            int eq = change.indexOf('=');
            String[] values = change.substring(eq + 1).split(">", 2);
            return new FieldChangeDto(change.substring(0, eq), absentAsNull(values[0]), absentAsNull(values[1]));
        }).toList();
    }

    private static String absentAsNull(String text) {
        return text.equals("-") ? null : text;
    }
}
