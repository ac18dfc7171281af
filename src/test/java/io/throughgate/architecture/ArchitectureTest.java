package io.throughgate.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The direction of dependencies written down in {@code docs/architecture.md}: no package depends on itself through
 * others, and no package uses one of a layer above it.
 */
class ArchitectureTest {

    private static final JavaClasses HUB = new ClassFileImporter().withImportOption(
            ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.throughgate");

    @Test
    void noPackageDependsOnItselfThroughOthers() {
        slices().matching("io.throughgate.(**)").should().beFreeOfCycles().check(HUB);
    }

    @Test
    void everyDependencyPointsDownTheLayers() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Edges").definedBy("io.throughgate", "io.throughgate.cli..", "io.throughgate.benchmark..",
                        "io.throughgate.devcerts..", "io.throughgate.ops..", "io.throughgate.subscriber..",
                        "io.throughgate.dpo..", "io.throughgate.agreement.api..", "io.throughgate.consent.api..",
                        "io.throughgate.inbox..", "io.throughgate.console..", "io.throughgate.timeliness.api..",
                        "io.throughgate.evaluation.api..")
                .layer("Steps").definedBy("io.throughgate.ingest..", "io.throughgate.gate..",
                        "io.throughgate.deliver", "io.throughgate.withdrawal..", "io.throughgate.watch..",
                        "io.throughgate.evaluation.publish..", "io.throughgate.replay..")
                .layer("Log").definedBy("io.throughgate.sharinglog..", "io.throughgate.audit..")
                .layer("Model").definedBy("io.throughgate.exchange..")
                .layer("Domain").definedBy("io.throughgate.agreement", "io.throughgate.consent",
                        "io.throughgate.consent.policy..", "io.throughgate.consent.fhir..",
                        "io.throughgate.pseudonym..",
                        "io.throughgate.record..", "io.throughgate.purpose..", "io.throughgate.directory..",
                        "io.throughgate.identity..", "io.throughgate.deliver.crypto..", "io.throughgate.kafka..",
                        "io.throughgate.timeliness", "io.throughgate.evaluation")
                .layer("Technical").definedBy("io.throughgate.json..", "io.throughgate.pki..",
                        "io.throughgate.database..", "io.throughgate.contract..", "io.throughgate.failure..",
                        "io.throughgate.api..", "io.throughgate.config..", "io.throughgate.merkle..",
                        "io.throughgate.disclosure..")
                .whereLayer("Edges").mayNotBeAccessedByAnyLayer()
                .whereLayer("Steps").mayOnlyBeAccessedByLayers("Edges")
                .whereLayer("Log").mayOnlyBeAccessedByLayers("Edges", "Steps")
                .whereLayer("Model").mayOnlyBeAccessedByLayers("Edges", "Steps", "Log")
                .whereLayer("Domain").mayOnlyBeAccessedByLayers("Edges", "Steps", "Log", "Model")
                .check(HUB);
    }
}
