package org.remediation.console.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.remediation.console.base.InvalidInputException;
import org.remediation.console.remediation.ActionCatalog;
import org.remediation.console.remediation.TaskActionSpecs;

class RunbookYamlTest {

    static String template() throws IOException {
        try (InputStream in = RunbookYamlTest.class.getResourceAsStream("/runbooks/inc-1278.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static Runbook parse(String yaml) {
        return RunbookYaml.parse(yaml, MalformedRunbooks.TEAMS::contains, new TaskActionSpecs(ActionCatalog.standard()));
    }

    @Test
    void theIssue1278TemplateHoldsAllFourPhasesOfTheSeedPlan() throws IOException {
        Runbook plan = parse(template());
        assertThat(plan.severity()).isEqualTo(Severity.P0);
        assertThat(plan.phases()).extracting(Runbook.Phase::key)
                .containsExactly("vpc-connector", "database", "ssl-load-balancer", "monitoring");
        assertThat(plan.phases()).extracting(Runbook.Phase::windowStartMinutes).containsExactly(0, 240, 480, 960);
        assertThat(plan.phases()).extracting(Runbook.Phase::windowEndMinutes).containsExactly(240, 480, 960, 1440);
        assertThat(plan.phases()).extracting(Runbook.Phase::ownerTeam)
                .containsExactly("Infrastructure", "Infrastructure", "Infrastructure", "Development");
        assertThat(plan.phases()).extracting(Runbook.Phase::priority)
                .containsExactly(Severity.P0, Severity.P0, Severity.P1, Severity.P1);
        Runbook.Phase first = plan.phases().get(0);
        Runbook.Task scale = first.tasks().get(0);
        assertThat(scale.command()).contains("--min-instances 5", "--max-instances 50", "--machine-type e2-standard-8");
        assertThat(scale.actionSpec()).isEqualTo("scale-connector resource=VPC_CONNECTOR/us-central1/staging-connector "
                + "minInstances=3 maxInstances=10 machineType=e2-standard-4");
        assertThat(scale.note()).contains("outside");
        assertThat(first.escalation()).contains("Escalate to GCP support if", "after 2 hours");
        assertThat(first.rollback()).contains("Scale back to previous configuration".toLowerCase());
        assertThat(plan.phases().stream().flatMap(p -> p.tasks().stream()).filter(t -> t.command() != null)
                .map(Runbook.Task::command).filter(c -> c.contains("gcloud")).count()).isEqualTo(7);
        assertThat(plan.phases()).allSatisfy(p -> assertThat(p.criteria()).hasSizeGreaterThanOrEqualTo(4));
        assertThat(plan.phases().stream().flatMap(p -> p.criteria().stream()).map(Runbook.Criterion::probe))
                .as("Redis was only the throughput stand-in; its connectivity stays a KPI")
                .contains("backend-health", "database", "websocket", "agent-response", "frontend",
                        "backend-load", "dns-staging", "tls-staging", "connector-cpu", "connector-instances",
                        "connector-throughput", "sql-backends", "lb-5xx", "capacity-warnings");
    }

    @Test
    void everyMeasureOfTheTemplateIsCanonicalAndCarriesTheSeedsNumbers() throws IOException {
        List<String> measures = parse(template()).phases().stream().flatMap(p -> p.criteria().stream())
                .map(Runbook.Criterion::measure).filter(java.util.Objects::nonNull).toList();
        assertThat(measures).hasSizeGreaterThanOrEqualTo(23);
        for (String m : measures) {
            assertThat(org.remediation.console.criteria.CriterionText.format(
                    org.remediation.console.criteria.CriterionText.parse(m))).as(m).isEqualTo(m);
        }
        // the seeds' own numbers, bound (issue 13, part 7)
        assertThat(measures).contains("backend-load concurrent-success >= 20 over 5m min 5",
                "dns-staging max < 2000 ms over 15m min 5", "tls-staging p95 < 10 s over 15m min 5",
                "database max < 600 s over 15m min 5", "backend-health status=503 count < 1 per 1h min 5");
        assertThat(measures).anyMatch(m -> m.contains("improved by") && m.contains("since phase start"));
        // issue 18: the seeds' utilisation, instance, throughput, pool, 5xx and log figures on metric targets
        assertThat(measures).contains("connector-cpu max <= 70 % over 5m min 5",
                "connector-instances min >= 3 over 5m min 5", "connector-throughput min >= 200 Mbps over 5m min 5",
                "sql-backends p95 <= 80 over 15m min 10", "lb-5xx count < 1 per 1h min 10",
                "capacity-warnings count < 1 per 5m min 5");
        assertThat(measures).as("the Redis stand-in for throughput is gone").noneMatch(m -> m.contains("redis success-rate = 100 % over 5m"));
    }

    @Test
    void theIssue1278TemplateCarriesTheFourSeedKpisInCanonicalFormOnTheDemoTargets() throws IOException {
        List<Runbook.Kpi> kpis = parse(template()).kpis();
        assertThat(kpis).extracting(Runbook.Kpi::key)
                .containsExactly("agent-execution", "database-response", "redis-connectivity", "golden-path");
        assertThat(kpis).extracting(Runbook.Kpi::text).containsExactly("Agent execution < 30 s",
                "Database response < 500 ms", "Redis connectivity 100 %", "Golden path completion ≥ 95 %");
        for (Runbook.Kpi k : kpis) {
            assertThat(org.remediation.console.criteria.CriterionText.parse(k.measure()).text()).isEqualTo(k.measure());
        }
        assertThat(kpis).extracting(k -> k.measure().split(" ")[0])
                .containsExactly("agent-response", "database", "redis", "golden-path");
    }

    @Test
    void kpisParseAndExportBackToTheSameKpis() {
        String yaml = """
                title: t
                severity: P1
                kpis:
                  - key: fast-backend
                    text: "Backend < 1 s"
                    measure: "backend-health p95 < 1000 ms over 15m"
                  - key: cache
                    text: Cache reachable
                    measure: redis up
                phases:
                """ + MalformedRunbooks.PHASE_A;
        Runbook plan = parse(yaml);
        assertThat(plan.kpis()).containsExactly(
                new Runbook.Kpi("fast-backend", "Backend < 1 s", "backend-health p95 < 1000 ms over 15m"),
                new Runbook.Kpi("cache", "Cache reachable", "redis up"));
        String exported = RunbookWriter.write(plan);
        assertThat(exported).contains("kpis:");
        assertThat(parse(exported)).isEqualTo(plan);
        assertThat(RunbookWriter.write(new Runbook("t", Severity.P1, "", plan.phases()))).doesNotContain("kpis");
    }

    @Test
    void exportedYamlImportsBackToTheSamePlan() throws IOException {
        Runbook original = parse(template());
        String exported = RunbookWriter.write(original);
        Runbook again = parse(exported);
        assertThat(again).isEqualTo(original);
        assertThat(RunbookWriter.write(again)).isEqualTo(exported);
    }

    @Test
    void roundTripKeepsOddTextExactly() {
        Runbook odd = new Runbook("null", Severity.P3, "line one\n  indented: yes\n# not a comment\n", List.of(
                new Runbook.Phase("p-1", "true", Severity.P2, "QA", List.of("DevOps"), 90, 91, List.of(),
                        "  leading spaces", "trailing newline\n\n", List.of("~", "- dash", "'quoted'"),
                        List.of(new Runbook.Task("1.10", "0x1F", "someone@example", "echo \"$HOME\" | tee a\n",
                                null, "a: b")),
                        List.of(new Runbook.Criterion("c", "100 %", null)))));
        assertThat(parse(RunbookWriter.write(odd))).isEqualTo(odd);
    }

    @Test
    void allProblemsAreReportedTogether() {
        assertThatThrownBy(() -> parse("title: t\nseverity: P9\nphases:\n  - key: A\n"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(InvalidInputException.Problem::field)
                        .contains("severity", "phases[0].key", "phases[0].title", "phases[0].window"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.remediation.console.incident.MalformedRunbooks#corpus")
    void malformedRunbooksNamePathAndLine(String name, String path, int line, String yaml) {
        assertThatThrownBy(() -> parse(yaml)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.getMessage()).contains(path + ": line " + line + ":"));
    }

    private static String withAction(String spec) {
        return "title: Drill\nseverity: P1\nphases:\n  - key: a\n    title: A\n    priority: P0\n"
                + "    owner: Infrastructure\n    window: { start: 0h, end: 4h }\n    tasks:\n      - id: t1\n"
                + "        text: x\n        owner: QA\n        actionSpec: '" + spec + "'\n";
    }

    @Test
    void anActionTheRemediationFeatureWouldRefuseIsRefusedAtImportInPlainWords() {
        assertThatThrownBy(() -> parse(withAction("scale-connector resource=VPC_CONNECTOR/us-central1/staging-connector "
                + "minInstances=lots maxInstances=10"))).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.getMessage()).isEqualTo("phases[0].tasks[0].actionSpec: line 13: the action cannot be "
                        + "requested as written: parameter minInstances: Minimum instances must be a whole number "
                        + "between 2 and 9 (got 'lots')."));
        assertThatThrownBy(() -> parse(withAction("scale-connector minInstances=3 maxInstances=10 color=red")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getMessage())
                        .contains("line 13:", "Unknown parameter 'color' for scale-connector"));
        assertThatThrownBy(() -> parse(withAction("reboot-everything now=1")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getMessage())
                        .contains("line 13:", "Unknown action kind 'reboot-everything'", "scale-connector"));
        assertThatThrownBy(() -> parse(withAction("sql-flag flag=max_connections value=\"500")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getMessage())
                        .contains("line 13:", "A double quote is not closed."));
    }

    @Test
    void quotedValuesMayHoldSpaces() {
        String spec = "sql-flag resource=SQL_INSTANCE/us-central1/netra-staging-db flag=\" max_connections \" "
                + "value=\"500 \"";
        assertThat(parse(withAction(spec)).phases().get(0).tasks().get(0).actionSpec()).isEqualTo(spec);
    }

    @Test
    void offsetsReadHoursAndMinutes() {
        assertThat(RunbookYaml.minutes("1h30m")).isEqualTo(90);
        assertThat(RunbookYaml.minutes("45m")).isEqualTo(45);
        assertThat(RunbookYaml.minutes("-2h")).isEqualTo(-120);
        assertThat(RunbookYaml.minutes("h")).isNull();
        assertThat(RunbookYaml.offset(90)).isEqualTo("1h30m");
        assertThat(RunbookYaml.offset(45)).isEqualTo("45m");
    }

    /** Hostile (issue 16): brackets nested deep enough to overflow the YAML composer's stack are refused with a line. */
    @org.junit.jupiter.api.Tag("hostile")
    @Test
    void deeplyNestedYamlIsRefusedWithALineNotA500() {
        String bomb = "title: t\nseverity: P1\nphases: " + "[".repeat(50_000) + "]".repeat(50_000) + "\n";
        assertThatThrownBy(() -> parse(bomb)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.getMessage()).contains("line 3: nested deeper than 64 levels"));
        String blockBomb = "title: t\nseverity: P1\nphases:\n" + "- ".repeat(50_000) + "x\n";
        assertThatThrownBy(() -> parse(blockBomb)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.getMessage()).contains("nested deeper than 64 levels"));
        assertThat(RunbookYaml.tooDeepAt("a: " + "[".repeat(63) + "]".repeat(63))).isZero();
    }
}
