package io.throughgate.evaluation;

import java.util.Arrays;
import java.util.List;

/**
 * True counts of one table, before protection: per borough (rows) and measure (columns). Never published as they
 * are.
 *
 * @param boroughs the rows, in order
 * @param measures the columns, in order
 * @param values each borough's counts, in the order of the measures
 */
public record Counts(List<String> boroughs, List<String> measures, int[][] values) {

    public Counts {
        boroughs = List.copyOf(boroughs);
        measures = List.copyOf(measures);
        values = copy(values);
        if (values.length != boroughs.size()) {
            throw new IllegalArgumentException(values.length + " rows for " + boroughs.size() + " boroughs");
        }
        for (int[] row : values) {
            if (row.length != measures.size()) {
                throw new IllegalArgumentException(row.length + " counts for " + measures.size() + " measures");
            }
        }
    }

    /** No count yet. */
    public static Counts zero(List<String> boroughs, List<String> measures) {
        return new Counts(boroughs, measures, new int[boroughs.size()][measures.size()]);
    }

    /** One count. */
    public int get(String borough, String measure) {
        return values[row(borough)][column(measure)];
    }

    /** The counts with one more added. */
    public Counts plus(String borough, String measure, int count) {
        int[][] sum = copy(values);
        sum[row(borough)][column(measure)] += count;
        return new Counts(boroughs, measures, sum);
    }

    /** These counts and another table's of the same rows and measures, added. */
    public Counts plus(Counts other) {
        if (!other.boroughs.equals(boroughs) || !other.measures.equals(measures)) {
            throw new IllegalArgumentException("the tables' rows or measures differ");
        }
        int[][] sum = copy(values);
        for (int row = 0; row < sum.length; row++) {
            for (int column = 0; column < sum[row].length; column++) {
                sum[row][column] += other.values[row][column];
            }
        }
        return new Counts(boroughs, measures, sum);
    }

    /**
     * These counts in another shape: a borough or measure they lack counts 0, and one the shape lacks is left out
     * (a borough or milestone added or removed between two months).
     */
    public Counts reshaped(List<String> toBoroughs, List<String> toMeasures) {
        int[][] reshaped = new int[toBoroughs.size()][toMeasures.size()];
        for (int row = 0; row < toBoroughs.size(); row++) {
            int from = boroughs.indexOf(toBoroughs.get(row));
            for (int column = 0; from >= 0 && column < toMeasures.size(); column++) {
                int measure = measures.indexOf(toMeasures.get(column));
                reshaped[row][column] = measure < 0 ? 0 : values[from][measure];
            }
        }
        return new Counts(toBoroughs, toMeasures, reshaped);
    }

    /** Each measure's total over the boroughs. */
    public int[] totals() {
        int[] totals = new int[measures.size()];
        for (int[] row : values) {
            for (int column = 0; column < row.length; column++) {
                totals[column] += row[column];
            }
        }
        return totals;
    }

    private int row(String borough) {
        int row = boroughs.indexOf(borough);
        if (row < 0) {
            throw new IllegalArgumentException("no row for " + borough);
        }
        return row;
    }

    private int column(String measure) {
        int column = measures.indexOf(measure);
        if (column < 0) {
            throw new IllegalArgumentException("no measure " + measure);
        }
        return column;
    }

    private static int[][] copy(int[][] values) {
        return Arrays.stream(values).map(int[]::clone).toArray(int[][]::new);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Counts counts && boroughs.equals(counts.boroughs) && measures.equals(counts.measures)
                && Arrays.deepEquals(values, counts.values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * boroughs.hashCode() + measures.hashCode()) + Arrays.deepHashCode(values);
    }

    @Override
    public String toString() {
        return "Counts" + measures + Arrays.deepToString(values);
    }
}
