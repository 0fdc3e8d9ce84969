package org.remediation.console.base;

/** Lets tests of other packages reach the PostgreSQL helpers of {@link MigrationParityTest}. */
public final class MigrationParityTestAccess {

    public static final String PG = MigrationParityTest.PG;

    private MigrationParityTestAccess() {
    }

    public static boolean postgresReachable() {
        return MigrationParityTest.postgresReachable();
    }
}
