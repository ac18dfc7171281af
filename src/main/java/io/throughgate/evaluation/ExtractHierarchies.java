package io.throughgate.evaluation;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * The quasi-identifiers of the evaluation's extract and how each is generalised: age band wider, ethnicity to its
 * top-level group (the part of the ONS 2021 category before the colon), borough to its London sub-region, release
 * month to its quarter, and each at last to nothing.
 */
public final class ExtractHierarchies {

    /** Age at release, banded: custody under 15 is rare, so 10 to 14 is one band from the start. */
    public static final Hierarchy AGE_BAND = new Hierarchy("ageBand", List.of("10-14, 15, 16, 17, 18+",
            "10-14, 15-16, 17+", "*"), (band, level) -> switch (band) {
                case "15", "16" -> "15-16";
                case "17", "18+" -> "17+";
                default -> band;
            });
    /** Gender as recorded, or nothing. */
    public static final Hierarchy GENDER = new Hierarchy("gender", List.of("as recorded", "*"), (value,
            level) -> value);
    /** Ethnicity as the ONS 2021 category, its top-level group, or nothing. */
    public static final Hierarchy ETHNICITY = new Hierarchy("ethnicity", List.of("ONS 2021 category",
            "top-level group", "*"),
            (value, level) -> value.contains(":")
                    ? value.substring(0, value.indexOf(':')).strip()
                    : value);
    /** The kind of establishment (yoi, stc, sch, ssc), or nothing. */
    public static final Hierarchy ESTABLISHMENT_KIND = new Hierarchy("establishmentKind", List.of("kind", "*"), (
            value, level) -> value);
    /** Release month, its calendar quarter, or nothing. */
    public static final Hierarchy RELEASE_MONTH = new Hierarchy("releaseMonth", List.of("month", "quarter", "*"), (
            month, level) -> {
        YearMonth parsed = YearMonth.parse(month);
        return parsed.getYear() + "-Q" + ((parsed.getMonthValue() - 1) / 3 + 1);
    });

    private ExtractHierarchies() {
    }

    /** The band of an age in years. */
    public static String ageBand(int years) {
        if (years < 15) {
            return "10-14";
        }
        return years >= 18 ? "18+" : Integer.toString(years);
    }

    /**
     * The borough, its London sub-region, or nothing.
     *
     * @param subRegions each borough's YOT's sub-region
     */
    public static Hierarchy borough(Map<String, String> subRegions) {
        Map<String, String> regions = Map.copyOf(subRegions);
        return new Hierarchy("borough", List.of("borough", "London sub-region", "*"), (yot, level) -> regions
                .getOrDefault(yot, "not-known"));
    }

    /** Every hierarchy, in the order of the extract's columns. */
    public static List<Hierarchy> all(Map<String, String> subRegions) {
        return List.of(AGE_BAND, GENDER, ETHNICITY, borough(subRegions), ESTABLISHMENT_KIND, RELEASE_MONTH);
    }
}
