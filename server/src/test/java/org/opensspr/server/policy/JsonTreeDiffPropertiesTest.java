package org.opensspr.server.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.opensspr.api.FieldChangeDto;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Properties of the tree diff over random small JSON trees. */
class JsonTreeDiffPropertiesTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Property
    void noChangeExactlyWhenTreesAreEqual(@ForAll("trees") JsonNode a, @ForAll("trees") JsonNode b) {
        assertThat(JsonTreeDiff.between(a, b).isEmpty()).isEqualTo(a.equals(b));
        assertThat(JsonTreeDiff.between(a, a.deepCopy())).isEmpty();
    }

    @Property
    void swappingTheSidesSwapsOldAndNew(@ForAll("trees") JsonNode a, @ForAll("trees") JsonNode b) {
        List<FieldChangeDto> forward = JsonTreeDiff.between(a, b);
        List<FieldChangeDto> backward = JsonTreeDiff.between(b, a);

        assertThat(backward).containsExactlyInAnyOrderElementsOf(forward.stream()
                .map(c -> new FieldChangeDto(c.path(), c.newValue(), c.oldValue())).toList());
    }

    @Provide
    Arbitrary<JsonNode> trees() {
        return objects(3);
    }

    /** Objects over a small fixed set of names, so two random trees often share fields. */
    private Arbitrary<JsonNode> objects(int depth) {
        Arbitrary<JsonNode> value = depth == 0 ? scalars() : Arbitraries.<JsonNode>oneOf(scalars(), scalarLists(),
                objectLists(depth - 1), objects(depth - 1));
        return Arbitraries.maps(Arbitraries.of("a", "b", "c", "d"), value).ofMaxSize(4).map(fields -> {
            ObjectNode node = NODES.objectNode();
            fields.forEach(node::set);
            return node;
        });
    }

    private Arbitrary<JsonNode> objectLists(int depth) {
        return objects(depth).list().ofMaxSize(3).map(items -> {
            ArrayNode node = NODES.arrayNode();
            items.forEach(node::add);
            return node;
        });
    }

    private Arbitrary<JsonNode> scalarLists() {
        return scalars().list().ofMaxSize(4).map(items -> {
            ArrayNode node = NODES.arrayNode();
            items.forEach(node::add);
            return node;
        });
    }

    private Arbitrary<JsonNode> scalars() {
        return Arbitraries.<JsonNode>oneOf(
                Arbitraries.of("x", "y", "z").map(NODES::textNode),
                Arbitraries.integers().between(0, 3).map(NODES::numberNode),
                Arbitraries.of(true, false).map(NODES::booleanNode),
                Arbitraries.just(NODES.nullNode()));
    }
}
