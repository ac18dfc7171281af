package io.throughgate.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.throughgate.cli.CommandOptions;

/**
 * What a run does: how long each phase measures (after its warm-up), the concurrency levels, the paced rate, the
 * ports of the hub under test and where the results go.
 */
record BenchmarkSettings(Duration warmUp, Duration measure, List<Integer> levels, int batchSize,
        int batchConcurrency, int rate, Duration latencyMeasure, int httpsPort, int kafkaPort,
        List<String> hubJavaOptions, Path jar, Path certsDir, Path json, Path hubLog) {

    /**
     * The settings from the command's options.
     *
     * @throws IllegalArgumentException naming the option whose value is wrong
     */
    /**
     * The JVM options of the README's run command (the heap and the parallel collector): the benchmark measures the
     * hub as it is run.
     */
    static final List<String> DEFAULT_HUB_JAVA_OPTIONS = List.of("-Xmx512m", "-XX:+UseParallelGC");

    static BenchmarkSettings of(CommandOptions options) {
        boolean quick = options.has("--quick");
        Duration warmUp = seconds(options, "--warm-up", quick ? 1 : 20);
        Duration measure = seconds(options, "--duration", quick ? 3 : 20);
        Duration latency = seconds(options, "--latency-duration", quick ? 5 : 30);
        List<Integer> levels = options.value("--levels").map(BenchmarkSettings::levels).orElse(quick
                ? List.of(64)
                : List.of(16, 64, 256));
        int batchSize = positive(options, "--batch-size", 500);
        int batchConcurrency = positive(options, "--batch-concurrency", 4);
        int rate = positive(options, "--rate", 2000);
        int httpsPort = positive(options, "--https-port", 18443);
        int kafkaPort = positive(options, "--kafka-port", 29092);
        List<String> javaOptions = options.value("--hub-java-options").map(text -> Arrays.asList(text.trim().split(
                "\\s+"))).orElse(DEFAULT_HUB_JAVA_OPTIONS);
        Path jar = Path.of(options.value("--jar").orElse(System.getProperty("java.class.path").split(
                System.getProperty("path.separator"))[0]));
        if (!jar.toString().endsWith(".jar")) {
            throw new IllegalArgumentException("cannot tell which jar runs the hub; give --jar PATH to "
                    + "quarkus-run.jar");
        }
        Path json = Path.of(options.value("--json").orElse(options.has("--replicas")
                ? "target/benchmark-replicas.json"
                : "target/benchmark.json"));
        Path certs = Path.of(options.value("--certs").orElse("certs-dev"));
        return new BenchmarkSettings(warmUp, measure, levels, batchSize, batchConcurrency, rate, latency, httpsPort,
                kafkaPort, javaOptions, jar, certs, json, json.resolveSibling("benchmark-hub.log"));
    }

    private static List<Integer> levels(String text) {
        List<Integer> levels = new ArrayList<>();
        for (String part : text.split(",")) {
            try {
                int level = Integer.parseInt(part.trim());
                if (level < 1) {
                    throw new NumberFormatException();
                }
                levels.add(level);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--levels: '" + part + "' is not a positive whole number");
            }
        }
        return List.copyOf(levels);
    }

    private static Duration seconds(CommandOptions options, String name, int fallback) {
        return Duration.ofSeconds(options.value(name).map(text -> number(name, text, 0)).orElse(fallback));
    }

    private static int positive(CommandOptions options, String name, int fallback) {
        return options.value(name).map(text -> number(name, text, 1)).orElse(fallback);
    }

    private static int number(String name, String text, int least) {
        try {
            int value = Integer.parseInt(text);
            if (value >= least) {
                return value;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException(name + ": '" + text + "' is not a whole number of at least " + least);
    }
}
