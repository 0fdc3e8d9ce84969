package org.remediation.console.incident;

import org.remediation.console.base.identity.SignedIn;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.remediation.console.base.InvalidInputException;
import org.remediation.console.base.Problems;
import org.springframework.context.ApplicationEventPublisher;
import org.remediation.console.base.identity.CurrentUser;
import org.remediation.console.base.identity.Roles;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Runbooks as code: validate, import as a new incident, export an incident's plan, built-in templates. */
@Service
@SignedIn
public class RunbookService {

    /** Built-in templates under {@code classpath:runbooks/}. */
    public static final List<String> TEMPLATES = List.of("inc-1278");

    private final PlanFactory factory;
    private final IncidentService incidents;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RunbookService(PlanFactory factory, IncidentService incidents, ApplicationEventPublisher events, Clock clock) {
        this.factory = factory;
        this.incidents = incidents;
        this.events = events;
        this.clock = clock;
    }

    /** Validates a runbook; problems carry YAML path and line. Writes nothing. */
    @Transactional(readOnly = true)
    public Runbook parse(String yaml) {
        return factory.read(yaml);
    }

    /**
     * Validates a runbook like {@link #parse} and also reports what import accepts with a warning:
     * measured criteria on probe targets that do not exist, or on groups without targets.
     */
    @Transactional(readOnly = true)
    public RunbookCheck check(String yaml) {
        return factory.check(yaml);
    }

    /**
     * Opens a new incident from runbook YAML, started now and commanded by the caller; all or nothing.
     * The warnings of {@link #check} come back with it.
     */
    @RolesAllowed(Roles.COMMANDER)
    @Transactional
    public RunbookImport importAsIncident(String incidentKey, String yaml) {
        RunbookCheck checked;
        try {
            checked = check(yaml);
        } catch (InvalidInputException e) {
            // every problem at once: a bad or taken key too, not only after the runbook is fixed
            Problems problems = new Problems();
            factory.checkKey(incidentKey.strip(), problems);
            e.problems().forEach(p -> problems.add(p.field(), p.message()));
            problems.throwIfAny();
            throw e;
        }
        Runbook runbook = checked.runbook();
        String user = CurrentUser.require();
        IncidentSummary created = factory.create(incidentKey.strip(), runbook, user, clock.instant(), user).summary();
        events.publishEvent(new IncidentChanged(created.key(), null));
        return new RunbookImport(created, checked.warnings());
    }

    @Transactional(readOnly = true)
    public String export(String incidentKey) {
        return RunbookWriter.write(incidents.runbook(incidentKey));
    }

    public String templateYaml(String name) {
        if (!TEMPLATES.contains(name)) {
            throw new InvalidInputException("template", "no built-in template '" + name + "'");
        }
        try (InputStream in = RunbookService.class.getResourceAsStream("/runbooks/" + name + ".yaml")) {
            if (in == null) {
                throw new IllegalStateException("template " + name + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
