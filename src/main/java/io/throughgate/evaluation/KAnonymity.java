package io.throughgate.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * k-anonymity by full-domain generalisation, as ARX does it: every row's quasi-identifiers are generalised to the
 * same level of their hierarchies (one node of the lattice of levels), and rows whose combination of generalised
 * values is shared by fewer than k rows are suppressed. Of the nodes that suppress no more than the suppression limit,
 * the one that loses least is chosen: each quasi-identifier loses its level over its height, and each suppressed
 * row loses everything. The lattice of the extract's hierarchies has a few hundred nodes, so every node is tried; ties
 * go to the node that comes first level by level, so the same rows always give the same extract.
 */
public final class KAnonymity {

    /**
     * Rows made k-anonymous.
     *
     * @param levels the level chosen for each quasi-identifier, in the order of the hierarchies
     * @param kept for each input row, whether it is kept (or suppressed)
     * @param rows the kept rows' quasi-identifiers, generalised, in input order
     */
    public record Result(int[] levels, boolean[] kept, List<String[]> rows) {

        public Result {
            levels = levels.clone();
            kept = kept.clone();
            rows = List.copyOf(rows);
        }

        /** How many rows were suppressed. */
        public int suppressed() {
            int suppressed = 0;
            for (boolean one : kept) {
                suppressed += one ? 0 : 1;
            }
            return suppressed;
        }

        @Override
        public int[] levels() {
            return levels.clone();
        }

        @Override
        public boolean[] kept() {
            return kept.clone();
        }
    }

    private KAnonymity() {
    }

    /**
     * Makes rows k-anonymous.
     *
     * @param rows each row's quasi-identifiers at level 0, in the order of the hierarchies
     * @param hierarchies each quasi-identifier's hierarchy
     * @param k the least number of rows that share every generalised quasi-identifier
     * @param suppressionLimit the largest share of rows that may be suppressed, from 0 to 1
     */
    public static Result anonymise(List<String[]> rows, List<Hierarchy> hierarchies, int k, double suppressionLimit) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be 1 or more, not " + k);
        }
        int[] heights = hierarchies.stream().mapToInt(Hierarchy::height).toArray();
        int[] node = new int[heights.length];
        int[] best = null;
        double bestLoss = Double.MAX_VALUE;
        long allowed = (long) Math.floor(suppressionLimit * rows.size());
        do {
            int suppressed = suppressedAt(rows, hierarchies, node, k);
            if (suppressed <= allowed) {
                double loss = loss(node, heights, suppressed, rows.size());
                if (loss < bestLoss - 1e-12) {
                    bestLoss = loss;
                    best = node.clone();
                }
            }
        } while (next(node, heights));
        if (best == null) {
            // Nothing within the limit: every quasi-identifier at its top, and every row suppressed when there are
            // fewer than k of them.
            best = Arrays.stream(heights).map(height -> height - 1).toArray();
        }
        return result(rows, hierarchies, best, k);
    }

    private static Result result(List<String[]> rows, List<Hierarchy> hierarchies, int[] levels, int k) {
        List<String[]> generalised = generalise(rows, hierarchies, levels);
        Map<List<String>, Integer> classes = classes(generalised);
        boolean[] kept = new boolean[rows.size()];
        List<String[]> keptRows = new ArrayList<>();
        for (int i = 0; i < generalised.size(); i++) {
            kept[i] = classes.get(Arrays.asList(generalised.get(i))) >= k;
            if (kept[i]) {
                keptRows.add(generalised.get(i));
            }
        }
        return new Result(levels, kept, keptRows);
    }

    private static int suppressedAt(List<String[]> rows, List<Hierarchy> hierarchies, int[] levels, int k) {
        int suppressed = 0;
        for (int size : classes(generalise(rows, hierarchies, levels)).values()) {
            suppressed += size < k ? size : 0;
        }
        return suppressed;
    }

    private static List<String[]> generalise(List<String[]> rows, List<Hierarchy> hierarchies, int[] levels) {
        List<String[]> generalised = new ArrayList<>(rows.size());
        for (String[] row : rows) {
            String[] values = new String[row.length];
            for (int i = 0; i < row.length; i++) {
                values[i] = hierarchies.get(i).at(row[i], levels[i]);
            }
            generalised.add(values);
        }
        return generalised;
    }

    private static Map<List<String>, Integer> classes(List<String[]> rows) {
        Map<List<String>, Integer> classes = new HashMap<>();
        for (String[] row : rows) {
            classes.merge(Arrays.asList(row), 1, Integer::sum);
        }
        return classes;
    }

    /** The node's loss: each level over its height's top, and a suppressed row as every quasi-identifier lost. */
    private static double loss(int[] node, int[] heights, int suppressed, int rows) {
        double loss = 0;
        for (int i = 0; i < node.length; i++) {
            loss += (double) node[i] / (heights[i] - 1);
        }
        return loss + (rows == 0 ? 0 : node.length * (double) suppressed / rows);
    }

    /** The next node of the lattice in order, or false after the last. */
    private static boolean next(int[] node, int[] heights) {
        for (int i = node.length - 1; i >= 0; i--) {
            if (++node[i] < heights[i]) {
                return true;
            }
            node[i] = 0;
        }
        return false;
    }
}
