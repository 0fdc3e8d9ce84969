package org.remediation.console.remediation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Cloud SQL tier names against Google's documented rules: shared-core (db-f1-micro, db-g1-small);
 * custom db-custom-&lt;vCPU&gt;-&lt;MiB&gt; with 1 or an even number of vCPUs up to 96, 0.9–6.5 GB per vCPU,
 * a multiple of 256 MB and at least 3.75 GB (https://cloud.google.com/sql/docs/postgres/instance-settings,
 * https://cloud.google.com/sql/docs/mysql/instance-settings); the db-n1-standard/highmem series
 * (MySQL and SQL Server only); Enterprise Plus db-perf-optimized-N-&lt;vCPU&gt;
 * (https://cloud.google.com/sql/docs/postgres/machine-series-overview).
 */
class SqlTierRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"db-f1-micro", "db-g1-small", "db-custom-1-3840", "db-custom-1-6656", "db-custom-2-7680",
            "db-custom-2-13312", "db-custom-4-15360", "db-custom-4-26624", "db-custom-16-61440", "db-custom-96-368640",
            "db-custom-96-638976", "db-n1-standard-1", "db-n1-standard-2", "db-n1-standard-96", "db-n1-highmem-2",
            "db-n1-highmem-64", "db-perf-optimized-N-2", "db-perf-optimized-N-48", "db-perf-optimized-N-128"})
    void documentedTiersAreAccepted(String tier) {
        assertThat(SqlTierAction.tierProblem(tier)).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "db-custom-1-1024|between 3840 and 6656",   // 1 GB: below the 3.75 GB minimum (was accepted)
            "db-custom-1-3584|between 3840 and 6656",   // 3.5 GB: within 0.9–6.5 per vCPU, still below 3.75 GB
            "db-custom-1-6912|between 3840 and 6656",   // 6.75 GB on 1 vCPU: above 6.5 GB per vCPU
            "db-custom-8-7168|between 7424 and 53248",  // 0.875 GB per vCPU
            "db-custom-3-7680|1 or an even number",
            "db-custom-98-200704|1 or an even number",
            "db-custom-2-7000|multiple of 256",
            "db-n1-standard-3|not 3",
            "db-n1-highmem-1|not 1",
            "db-perf-optimized-N-6|not 6",
            "db-n2-standard-2|not a Cloud SQL tier",
            "DB-CUSTOM-4-15360|not a Cloud SQL tier",
            "''|Tier is required"})
    void otherNamesAreRefusedWithTheRule(String tier, String message) {
        assertThat(SqlTierAction.tierProblem(tier)).contains(message);
    }

    @Test
    void postgresRefusesTheN1SeriesAndNamesTheSameSizedCustomTier() {
        assertThat(SqlTierAction.engineProblem("db-n1-standard-2", "POSTGRES_15")).contains("db-custom-2-7680");
        assertThat(SqlTierAction.engineProblem("db-n1-highmem-4", "POSTGRES_15")).contains("db-custom-4-26624");
        assertThat(SqlTierAction.engineProblem("db-n1-standard-2", "MYSQL_8_0")).isNull();
        assertThat(SqlTierAction.engineProblem("db-perf-optimized-N-8", "POSTGRES_16")).isNull();
        assertThat(SqlTierAction.engineProblem("db-custom-2-7680", "POSTGRES_15")).isNull();
    }
}
