package io.throughgate.disclosure;

/**
 * The small-number rule of one published table (contracts/disclosure.yaml): counts from 1 to {@code suppressTo}
 * are suppressed, every other count is rounded to the nearest multiple of {@code roundTo} (halves up), and secondary
 * suppression goes on until no suppressed count can be narrowed to a range less than {@link #threshold()} wide.
 * Zero is published as zero.
 *
 * @param suppressTo the largest count suppressed for its own size
 * @param roundTo published counts are rounded to the nearest multiple of this; 1 publishes them exactly
 */
public record DisclosureRule(int suppressTo, int roundTo) {

    /** The rule of most UK official statistics: 1 to 4 suppressed, the rest rounded to 5. */
    public static final DisclosureRule OFFICIAL_STATISTICS = new DisclosureRule(4, 5);

    public DisclosureRule {
        if (roundTo < 1) {
            throw new IllegalArgumentException("roundTo must be 1 or more, not " + roundTo);
        }
        if (suppressTo < leastSuppressTo(roundTo)) {
            throw new IllegalArgumentException("with roundTo " + roundTo + ", suppressTo must be at least "
                    + leastSuppressTo(roundTo) + ", so that no published count rounds to 0");
        }
    }

    /** The least {@code suppressTo} with which the smallest published count still rounds to more than 0. */
    public static int leastSuppressTo(int roundTo) {
        return Math.max(0, roundTo - roundTo / 2 - 1);
    }

    /** The least count published, and the width every suppressed count's range must keep. */
    public int threshold() {
        return suppressTo + 1;
    }

    /** Whether a count is suppressed for its own size. */
    public boolean small(int count) {
        return count > 0 && count <= suppressTo;
    }

    /** A count rounded to the nearest multiple of {@code roundTo}, halves up. */
    public int round(int count) {
        return (count + roundTo / 2) / roundTo * roundTo;
    }

    /** The least true count a published non-zero value can stand for. */
    public int lowestBehind(int published) {
        return Math.max(published - roundTo / 2, threshold());
    }

    /** The greatest true count a published value can stand for. */
    public int highestBehind(int published) {
        return published == 0 ? 0 : published - roundTo / 2 + roundTo - 1;
    }
}
