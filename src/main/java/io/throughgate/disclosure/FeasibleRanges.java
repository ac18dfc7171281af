package io.throughgate.disclosure;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;

/**
 * What a reader of published counts can infer about each suppressed one: the least and the greatest value it can
 * take, given every published count (which, under the table's {@link DisclosureRule}, lies within the rounding of
 * what is shown and is never small, and is exactly 0 when 0 is shown) and every sum the reader knows. Each bound is a
 * linear programme, solved with the simplex method; the counts are relaxed to real numbers, which only widens what
 * the reader can rule out by a fraction, so a range found here at least a threshold wide is a range the reader
 * cannot narrow below it. Counts no sum ties together are solved apart, which keeps each programme small.
 */
public final class FeasibleRanges {

    /**
     * One suppressed count's range.
     *
     * @param cell the cell's number
     * @param low the least value it can take
     * @param high the greatest value it can take
     */
    public record Range(int cell, double low, double high) {

        /** How wide the range is. */
        public double width() {
            return high - low;
        }
    }

    /** No count is taken to exceed this: a bound on the programmes, far above any table's counts. */
    private static final double CEILING = 1_000_000;

    private FeasibleRanges() {
    }

    /**
     * The range of every suppressed count.
     *
     * @param published the counts as published
     * @param sums every equation the reader knows between them
     * @param rule the small-number rule they were published under
     */
    public static List<Range> of(List<SmallNumbers.Cell> published, List<SmallNumbers.Sum> sums,
            DisclosureRule rule) {
        // A count shown as 0 is exactly 0: it adds nothing to any sum, so it is left out of the programmes, which
        // keeps them small (most boroughs release no one in most months).
        Components components = new Components(published.size());
        for (SmallNumbers.Sum sum : sums) {
            int first = -1;
            for (int cell : sum.cells()) {
                if (unknown(published.get(cell))) {
                    if (first < 0) {
                        first = cell;
                    } else {
                        components.join(first, cell);
                    }
                }
            }
        }
        Map<Integer, List<Integer>> members = new HashMap<>();
        for (int i = 0; i < published.size(); i++) {
            if (unknown(published.get(i))) {
                members.computeIfAbsent(components.root(i), root -> new ArrayList<>()).add(i);
            }
        }
        List<Range> ranges = new ArrayList<>();
        for (List<Integer> component : members.values()) {
            if (component.stream().anyMatch(cell -> published.get(cell).suppressed())) {
                ranges.addAll(solve(published, sums, rule, component));
            }
        }
        ranges.sort(java.util.Comparator.comparingInt(Range::cell));
        return ranges;
    }

    /** The ranges of the suppressed counts of cells that sums tie to each other and to nothing else. */
    private static List<Range> solve(List<SmallNumbers.Cell> published, List<SmallNumbers.Sum> sums,
            DisclosureRule rule, List<Integer> component) {
        Map<Integer, Integer> variable = new HashMap<>();
        for (int cell : component) {
            variable.put(cell, variable.size());
        }
        int n = variable.size();
        Collection<LinearConstraint> constraints = new ArrayList<>();
        for (int cell : component) {
            SmallNumbers.Cell shown = published.get(cell);
            double[] one = unit(n, variable.get(cell));
            if (shown.suppressed()) {
                constraints.add(new LinearConstraint(one, Relationship.LEQ, CEILING));
            } else {
                constraints.add(new LinearConstraint(one, Relationship.GEQ, rule.lowestBehind(shown.value())));
                constraints.add(new LinearConstraint(one, Relationship.LEQ, rule.highestBehind(shown.value())));
            }
        }
        for (SmallNumbers.Sum sum : sums) {
            double[] weights = new double[n];
            boolean any = false;
            for (int i = 0; i < sum.cells().length; i++) {
                Integer at = variable.get(sum.cells()[i]);
                if (at != null) {
                    weights[at] += sum.weights()[i];
                    any = true;
                }
            }
            if (any) {
                constraints.add(new LinearConstraint(weights, Relationship.EQ, 0));
            }
        }
        LinearConstraintSet set = new LinearConstraintSet(constraints);
        List<Range> ranges = new ArrayList<>();
        for (int cell : component) {
            if (published.get(cell).suppressed()) {
                int at = variable.get(cell);
                ranges.add(new Range(cell, bound(set, n, at, GoalType.MINIMIZE), bound(set, n, at,
                        GoalType.MAXIMIZE)));
            }
        }
        return ranges;
    }

    /** Whether a reader does not know the count exactly: it is suppressed, or shown and not 0. */
    private static boolean unknown(SmallNumbers.Cell cell) {
        return cell.suppressed() || cell.value() != 0;
    }

    private static double bound(LinearConstraintSet constraints, int n, int cell, GoalType goal) {
        PointValuePair solution = new SimplexSolver().optimize(new MaxIter(100_000), new LinearObjectiveFunction(
                unit(n, cell), 0), constraints, goal, new NonNegativeConstraint(true));
        return solution.getValue();
    }

    private static double[] unit(int n, int i) {
        double[] vector = new double[n];
        vector[i] = 1;
        return vector;
    }

    /** Cells joined by the sums they share (union-find). */
    private static final class Components {

        private final int[] parent;

        Components(int size) {
            parent = new int[size];
            for (int i = 0; i < size; i++) {
                parent[i] = i;
            }
        }

        int root(int cell) {
            while (parent[cell] != cell) {
                parent[cell] = parent[parent[cell]];
                cell = parent[cell];
            }
            return cell;
        }

        void join(int one, int other) {
            parent[root(one)] = root(other);
        }
    }
}
