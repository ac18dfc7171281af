package io.throughgate.agreement;

import java.util.List;

import io.throughgate.contract.YamlReader;

/**
 * Reads the {@code article9} and {@code schedule1} lists of a mapping, an agreement's lawful basis or a field rule's
 * basis, reporting each code that names no known condition.
 */
final class ConditionCodes {

    private ConditionCodes() {
    }

    /** The conditions a mapping names; every unknown code is a problem on its list. */
    static FieldBasis read(YamlReader yaml) {
        List<String> article9 = yaml.texts("article9");
        article9.stream().filter(code -> Article9Condition.fromCode(code).isEmpty()).forEach(code -> yaml.problem(
                yaml.node("article9").orElseThrow(), "unknown Article 9 condition '" + code + "'"));
        List<String> schedule1 = yaml.texts("schedule1");
        schedule1.stream().filter(code -> Schedule1Condition.fromCode(code).isEmpty()).forEach(code -> yaml.problem(
                yaml.node("schedule1").orElseThrow(), "unknown Schedule 1 condition '" + code + "'"));
        return new FieldBasis(article9, schedule1);
    }
}
