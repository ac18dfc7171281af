package io.throughgate.evaluation;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ethnic groups of the ONS 2021 census for England and Wales, the categories the records' ethnicity field asks
 * for. The extract keeps a child's ethnicity only as one of them, or as its top-level group when the detail is not
 * one of the group's: never the free text a record may carry.
 */
public final class Ethnicities {

    /** Each top-level group and its categories' details. */
    static final Map<String, List<String>> GROUPS = Map.of(
            "Asian or Asian British", List.of("Bangladeshi", "Chinese", "Indian", "Pakistani",
                    "Any other Asian background"),
            "Black, Black British, Caribbean or African", List.of("African", "Caribbean",
                    "Any other Black, Black British, or Caribbean background"),
            "Mixed or Multiple ethnic groups", List.of("White and Asian", "White and Black African",
                    "White and Black Caribbean", "Any other Mixed or Multiple ethnic background"),
            "White", List.of("English, Welsh, Scottish, Northern Irish or British", "Irish", "Gypsy or Irish Traveller",
                    "Roma", "Any other White background"),
            "Other ethnic group", List.of("Arab", "Any other ethnic group"));

    private Ethnicities() {
    }

    /**
     * The category a recorded ethnicity stands for: the ONS category itself, its top-level group when only the
     * group is recognised, or empty when it is neither.
     */
    public static Optional<String> category(String recorded) {
        if (recorded == null) {
            return Optional.empty();
        }
        int colon = recorded.indexOf(':');
        String group = (colon < 0 ? recorded : recorded.substring(0, colon)).strip();
        List<String> details = GROUPS.get(group);
        if (details == null) {
            return Optional.empty();
        }
        String detail = colon < 0 ? "" : recorded.substring(colon + 1).strip();
        return Optional.of(details.contains(detail) ? group + ": " + detail : group);
    }
}
