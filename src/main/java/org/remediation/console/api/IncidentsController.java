package org.remediation.console.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.remediation.console.criteria.CriteriaService;
import org.remediation.console.incident.IncidentService;
import org.remediation.console.incident.IncidentSummary;
import org.remediation.console.incident.TimelineService;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Incidents as the board shows them, and their timelines; reads for every signed-in role but METRICS. */
@RestController
@RequestMapping("/api/v1/incidents")
@Tag(name = "Incidents", description = "Incidents, their plans with live criteria, and their timelines")
@ApiResponse(responseCode = "403", description = "The token's roles do not allow reading (METRICS)",
        content = @Content(mediaType = "application/problem+json"))
class IncidentsController {

    static final String MARKDOWN = "text/markdown";

    private final IncidentService incidents;
    private final CriteriaService criteria;
    private final TimelineService timeline;
    private final Clock clock;

    IncidentsController(IncidentService incidents, CriteriaService criteria, TimelineService timeline, Clock clock) {
        this.incidents = incidents;
        this.criteria = criteria;
        this.timeline = timeline;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "List incidents, newest first")
    List<IncidentJson.Summary> list() {
        return incidents.list().stream().map(IncidentJson.Summary::of).toList();
    }

    @GetMapping("/{key}")
    @Operation(summary = "One incident: phases, tasks, criteria with their live state, and KPIs")
    @ApiResponse(responseCode = "404", description = "No incident with this key",
            content = @Content(mediaType = "application/problem+json"))
    IncidentJson.Detail incident(@PathVariable String key) {
        IncidentSummary incident = require(key);
        Instant now = clock.instant();
        return new IncidentJson.Detail(IncidentJson.Summary.of(incident),
                incidents.phases(key).stream().map(p -> IncidentJson.Phase.of(p, incident, now)).toList(),
                criteria.kpis(key).stream().map(CriterionJson::kpi).toList());
    }

    @GetMapping(path = "/{key}/timeline", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The incident's timeline, oldest first (Markdown with Accept: text/markdown)")
    @ApiResponse(responseCode = "200", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE),
            @Content(mediaType = MARKDOWN, schema = @Schema(type = "string"))})
    @ApiResponse(responseCode = "404", description = "No incident with this key",
            content = @Content(mediaType = "application/problem+json"))
    List<IncidentJson.TimelineEntry> timeline(@PathVariable String key) {
        require(key);
        return timeline.entries(key).stream().map(IncidentJson.TimelineEntry::of).toList();
    }

    /** The same Markdown table the timeline view exports, for a post-incident review or an issue. */
    @GetMapping(path = "/{key}/timeline", produces = MARKDOWN)
    @Operation(summary = "The incident's timeline as Markdown", hidden = true)
    String timelineMarkdown(@PathVariable String key) {
        require(key);
        return timeline.markdown(key);
    }

    private IncidentSummary require(String key) {
        return incidents.find(key).orElseThrow(() -> new ApiProblems.NotFound("There is no incident " + key + "."));
    }
}
