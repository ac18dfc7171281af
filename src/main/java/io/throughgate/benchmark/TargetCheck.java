package io.throughgate.benchmark;

/**
 * One performance target of DESIGN.md, evaluated on a run.
 *
 * @param name what is measured
 * @param target the target as people read it, e.g. {@code >= 35% of raw}
 * @param measured the figure and what it is compared with, e.g. {@code 41,000/s vs raw 120,000/s}
 * @param ratio the figure as a ratio to the target's reference (records/s over 10,000; batch over raw; hub p99 over
 *        raw p99; RSS over 1 GiB); NaN when not measured
 * @param met whether the target is met; false when not measured
 */
record TargetCheck(String name, String target, String measured, double ratio, boolean met) {
}
