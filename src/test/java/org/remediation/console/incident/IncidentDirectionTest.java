package org.remediation.console.incident;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Remediation depends on incidents (tasks, severities), never the other way round: what the incident
 * feature needs of remediation comes through ports it owns ({@link TaskActions}).
 */
class IncidentDirectionTest {

    @Test
    void theIncidentFeatureDoesNotDependOnRemediation() {
        noClasses().that().resideInAPackage("org.remediation.console.incident..")
                .should().dependOnClassesThat().resideInAPackage("org.remediation.console.remediation..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.remediation.console"));
    }
}
