package io.throughgate.evaluation;

import java.util.List;
import java.util.function.BiFunction;

/**
 * How a quasi-identifier of the evaluation's extract is generalised: level 0 is the value as the extract holds it,
 * each level above is coarser, and the last says nothing ({@link #ANY}).
 *
 * @param name the quasi-identifier's column in the extract
 * @param levels what each level keeps, for the data dictionary, from level 0
 * @param generalise a value of level 0 at a level
 */
public record Hierarchy(String name, List<String> levels, BiFunction<String, Integer, String> generalise) {

    /** The value of the top level of every hierarchy: nothing kept. */
    public static final String ANY = "*";

    public Hierarchy {
        levels = List.copyOf(levels);
        if (levels.size() < 2) {
            throw new IllegalArgumentException(name + " needs at least the value and its top level");
        }
    }

    /** A value of level 0 at a level; at the top level, {@link #ANY}. */
    public String at(String value, int level) {
        if (level == 0) {
            return value;
        }
        return level == levels.size() - 1 ? ANY : generalise.apply(value, level);
    }

    /** How many levels there are, the value's own and the top included. */
    public int height() {
        return levels.size();
    }
}
