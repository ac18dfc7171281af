package io.throughgate.benchmark;

import java.util.List;

/**
 * The replica mode's figures: one replica, then two.
 *
 * @param machine the machine
 * @param arrangement how the processes shared its processors
 * @param concurrency requests in flight, spread over the replicas
 * @param runs one replica's figures, then two replicas'
 */
record ReplicaResults(Machine machine, String arrangement, int concurrency, List<ReplicaResult> runs) {

    /** The target of DESIGN.md's scaling: two replicas give at least this many times one replica's records/s. */
    static final double SCALING_TARGET = 1.6;

    /** Two replicas' records/s over one replica's. */
    double scaling() {
        double one = runs.get(0).load().perSecond();
        return one == 0 ? 0 : runs.get(runs.size() - 1).load().perSecond() / one;
    }

    /** Whether every configuration delivered each accepted record once and its sharing log verified. */
    boolean checksPassed() {
        return runs.stream().allMatch(run -> run.check().passed());
    }
}
