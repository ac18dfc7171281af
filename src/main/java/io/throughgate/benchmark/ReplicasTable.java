package io.throughgate.benchmark;

import java.io.PrintStream;
import java.util.Locale;

/** Prints the replica mode's figures and checks as plain text. */
final class ReplicasTable {

    private ReplicasTable() {
    }

    static void print(PrintStream out, ReplicaResults results) {
        ResultsTable.machineAndHeader(out, results.machine(), "replicas");
        for (ReplicaResult run : results.runs()) {
            ResultsTable.throughputRow(out, name(run), run.load());
        }
        for (ReplicaResult run : results.runs()) {
            ResultsTable.byThreadGroup(out, name(run), run.load());
        }
        out.println();
        for (ReplicaResult run : results.runs()) {
            out.println(name(run) + ": " + checkLine(run.check()));
        }
        out.printf(Locale.ROOT, "%narrangement: %s%n", results.arrangement());
        if (results.runs().stream().anyMatch(run -> run.load().perSecond() == 0)) {
            // A run too short to measure (--quick): its checks count, its rates do not.
            out.println("two replicas / one replica: not measured (a configuration had no records/s in its "
                    + "measuring window)");
            return;
        }
        out.printf(Locale.ROOT, "two replicas / one replica: %.2f times the records/s (target at least %.1f): %s%n",
                results.scaling(), ReplicaResults.SCALING_TARGET, results.scaling() >= ReplicaResults.SCALING_TARGET
                        ? "met"
                        : "NOT met");
    }

    /** What the checks after a configuration's load found. */
    static String checkLine(DeliveryCheck check) {
        String line = String.format(Locale.ROOT, "%,d records accepted; %d missing from the inbox, %d delivered more "
                + "than once, %d without their sharing-log entry; sharing log of %,d entries %s", check.accepted(),
                check.missing(), check.deliveredTwice(), check.notLogged(), check.log().entries(), check.log()
                        .verified() ? "verified" : "NOT verified: " + check.problems());
        return (check.passed() ? "passed: " : "FAILED: ") + line;
    }

    private static String name(ReplicaResult run) {
        return run.replicas() + (run.replicas() == 1 ? " replica" : " replicas");
    }
}
