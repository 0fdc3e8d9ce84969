package org.remediation.console.cloud.sandbox;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Nothing outside the sandbox depends on its internals; remediation does not know the sandbox at all. */
class SandboxBoundaryTest {

    private static final JavaClasses MAIN = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.remediation.console");
    private static final Set<String> PUBLIC_API = Set.of(SandboxAdminService.class.getName(),
            SandboxAdminService.SandboxChanged.class.getName(), Fault.class.getName(), FaultRule.class.getName());

    @Test
    void onlyTheSandboxAdminApiIsUsedOutsideTheSandbox() {
        noClasses().that().resideOutsideOfPackage("..cloud.sandbox..")
                .or().resideInAPackage("..cloud.sandbox.ui..")
                .should().dependOnClassesThat(DescribedPredicate.describe("sandbox internals", (JavaClass c) ->
                        c.getPackageName().equals("org.remediation.console.cloud.sandbox") && !PUBLIC_API.contains(c.getName())))
                .check(MAIN);
    }

    @Test
    void remediationSpeaksOnlyTheCloudPort() {
        noClasses().that().resideInAPackage("org.remediation.console.remediation..").should().dependOnClassesThat()
                .resideInAPackage("..cloud.sandbox..").check(MAIN);
    }
}
