package org.remediation.console;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.annotation.security.RolesAllowed;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.remediation.console.base.LiveEvents;
import org.remediation.console.base.LiveUpdate;
import org.remediation.console.base.cluster.ClusterEvent;
import org.remediation.console.base.identity.SignedIn;
import org.springframework.stereotype.Service;

/** The package rules (ADR 0001, ADR 0009), checked on the main classes. */
class ArchitectureTest {

    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.remediation.console");

    @Test
    void featurePackagesDependOnEachOtherWithoutCycles() {
        slices().matching("org.remediation.console.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void theApiIsAThinLayerNoFeatureDependsOnAndThatTouchesNoPersistence() {
        noClasses().that().resideOutsideOfPackage("org.remediation.console.api..")
                .should().dependOnClassesThat().resideInAPackage("org.remediation.console.api..")
                .because("the REST API calls the features' services; features never know it (issue 19)")
                .check(MAIN);
        noClasses().that().resideInAPackage("org.remediation.console.api..").should().dependOnClassesThat(persistence())
                .because("controllers go through the same service methods and role checks as the views")
                .check(MAIN);
    }

    @Test
    void viewsTouchNoPersistence() {
        noClasses().that().resideInAPackage("..ui..").should().dependOnClassesThat(persistence()).check(MAIN);
    }

    @Test
    void googleClientClassesStayInTheGoogleAdapter() {
        noClasses().that().resideOutsideOfPackage("org.remediation.console.cloud.gcp")
                .should().dependOnClassesThat().resideInAnyPackage("com.google.cloud..", "com.google.api..",
                        "com.google.auth..", "com.google.longrunning..", "com.google.rpc..", "com.google.protobuf..",
                        "io.grpc..")
                .check(MAIN);
    }

    @Test
    void onlyViewsSubscribeToLiveUpdates() {
        noClasses().that().resideOutsideOfPackage("..ui..")
                .should().callMethod(LiveEvents.class, "subscribe", Class.class, Consumer.class)
                .because("domain reactions are Spring event listeners; LiveEvents feeds browsers only (ADR 0009)")
                .check(MAIN);
    }

    @Test
    void theClusterCoreKnowsNoFeature() {
        noClasses().that().resideInAPackage("org.remediation.console.base.cluster..")
                .should().dependOnClassesThat().resideInAnyPackage("org.remediation.console.probe..",
                        "org.remediation.console.criteria..", "org.remediation.console.incident..",
                        "org.remediation.console.remediation..", "org.remediation.console.security..",
                        "org.remediation.console.audit..", "org.remediation.console.notify..", "org.remediation.console.api..",
                        "org.remediation.console.cloud..")
                .because("features use the cluster (leader, locks, events), never the other way round (issue 20)")
                .check(MAIN);
    }

    @Test
    void everyLiveUpdateAndClusterEventIsARecord() {
        classes().that().areAssignableTo(LiveUpdate.class).or().areAssignableTo(ClusterEvent.class)
                .and().areNotInterfaces()
                .should().beAssignableTo(Record.class)
                .because("they cross to the other consoles as JSON and are read back by their canonical constructor (LiveBridge)")
                .check(MAIN);
    }

    @Test
    void everyServiceDecidesWhoMayCallItAtClassLevel() {
        classes().that(publicServices())
                .should().beAnnotatedWith(SignedIn.class).orShould().beAnnotatedWith(RolesAllowed.class)
                .because("reads are open to signed-in users at class level, writes add roles (ADR 0009)")
                .check(MAIN);
    }

    private static DescribedPredicate<JavaClass> publicServices() {
        return DescribedPredicate.describe("are public services", c -> c.getModifiers().contains(JavaModifier.PUBLIC)
                && !c.isInterface() && (c.isAnnotatedWith(Service.class) || c.getSimpleName().endsWith("Service")));
    }

    private static DescribedPredicate<JavaClass> persistence() {
        return DescribedPredicate.describe("are persistence (JPA, JDBC, Spring Data, repositories, stores)", c ->
                c.getPackageName().startsWith("jakarta.persistence") || c.getPackageName().startsWith("java.sql")
                        || c.getPackageName().startsWith("org.springframework.jdbc")
                        || c.getPackageName().startsWith("org.springframework.data")
                        || c.isAssignableTo("org.springframework.data.repository.Repository")
                        || (c.getPackageName().startsWith("org.remediation.console")
                                && (c.getSimpleName().endsWith("Repository") || c.getSimpleName().endsWith("Store"))));
    }
}
