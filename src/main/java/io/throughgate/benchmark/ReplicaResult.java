package io.throughgate.benchmark;

/**
 * One configuration of the replica mode: its load and the checks after it.
 *
 * @param replicas how many replicas took the load
 * @param load records/s, latency and the replicas' processor time (summed)
 * @param check whether every accepted record was delivered once and the sharing log verified
 */
record ReplicaResult(int replicas, Throughput load, DeliveryCheck check) {
}
