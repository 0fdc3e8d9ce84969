package org.remediation.console.support;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Tests that need something from the machine (server binaries, root): outside CI they are skipped,
 * with the reason printed; in CI a missing prerequisite fails the test, so a CI run can never pass
 * by skipping them.
 *
 * <p>CI means the environment variable {@code CI} is set to anything but {@code false} (the CI runner
 * sets {@code CI=true}; {@code .ci/run} exports it too), or the system property
 * {@value #REQUIRE} is {@code true} ({@code ./mvnw test -Dconsole.tests.require-prerequisites=true}
 * makes a local run just as strict).
 */
public final class Prerequisites {

    public static final String REQUIRE = "console.tests.require-prerequisites";

    private Prerequisites() {
    }

    /** Whether a missing prerequisite fails instead of skipping. */
    public static boolean strict() {
        String ci = System.getenv("CI");
        return (ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false")) || Boolean.getBoolean(REQUIRE);
    }

    /**
     * Returns when {@code missing} is null; otherwise fails (in CI) or skips with the reason printed.
     *
     * @param missing what the machine lacks, e.g. "PostgreSQL server binaries (/usr/lib/postgresql/VERSION/bin)"
     * @param what the test that needs it, e.g. "the PostgreSQL restart drill"
     */
    public static void require(@Nullable String missing, String what) {
        if (missing == null) {
            return;
        }
        String reason = what + " needs " + missing;
        if (strict()) {
            String why = Boolean.getBoolean(REQUIRE) ? "-D" + REQUIRE + "=true" : "env CI=" + System.getenv("CI");
            Assertions.fail(reason + ". This is a CI run (" + why + "), where it must run, not be skipped: "
                    + "install it in .ci/run.");
        }
        System.out.println("SKIPPED: " + reason + " (outside CI; with env CI=true or -D" + REQUIRE
                + "=true this fails)");
        Assumptions.abort(reason);
    }
}
