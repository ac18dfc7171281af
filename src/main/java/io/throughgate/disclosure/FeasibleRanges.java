package io.throughgate.disclosure;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

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
 * take, given every published count (which, rounded to the nearest 5 and never from 1 to 4, lies within 2 of what is
 * shown, and is exactly 0 when 0 is shown) and every sum the reader knows. Each bound is a linear programme, solved
 * with the simplex method; the counts are relaxed to real numbers, which only widens what the reader can rule out by
 * a fraction, so a range found here at least a threshold wide is a range the reader cannot narrow below it.
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
     */
    public static List<Range> of(List<SmallNumbers.Cell> published, List<SmallNumbers.Sum> sums) {
        // A count shown as 0 is exactly 0: it adds nothing to any sum, so it is left out of the programmes, which
        // keeps them small (most boroughs release no one in most months).
        int[] variable = new int[published.size()];
        int n = 0;
        for (int i = 0; i < published.size(); i++) {
            SmallNumbers.Cell cell = published.get(i);
            variable[i] = !cell.suppressed() && cell.value() == 0 ? -1 : n++;
        }
        Collection<LinearConstraint> constraints = new ArrayList<>();
        for (int i = 0; i < published.size(); i++) {
            SmallNumbers.Cell cell = published.get(i);
            if (variable[i] < 0) {
                continue;
            }
            double[] one = unit(n, variable[i]);
            if (cell.suppressed()) {
                constraints.add(new LinearConstraint(one, Relationship.LEQ, CEILING));
            } else {
                int half = SmallNumbers.ROUNDING / 2;
                constraints.add(new LinearConstraint(one, Relationship.GEQ, Math.max(cell.value() - half,
                        SmallNumbers.THRESHOLD)));
                constraints.add(new LinearConstraint(one, Relationship.LEQ, cell.value() + half));
            }
        }
        for (SmallNumbers.Sum sum : sums) {
            double[] weights = new double[n];
            boolean any = false;
            for (int i = 0; i < sum.cells().length; i++) {
                int at = variable[sum.cells()[i]];
                if (at >= 0) {
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
        for (int i = 0; i < published.size(); i++) {
            if (published.get(i).suppressed()) {
                ranges.add(new Range(i, bound(set, n, variable[i], GoalType.MINIMIZE), bound(set, n, variable[i],
                        GoalType.MAXIMIZE)));
            }
        }
        return ranges;
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
}
