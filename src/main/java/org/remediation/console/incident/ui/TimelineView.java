package org.remediation.console.incident.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.PermitAll;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.remediation.console.base.HumanTime;
import org.remediation.console.base.LiveEvents;
import org.remediation.console.base.ui.LiveSubscription;
import org.remediation.console.incident.IncidentChanged;
import org.remediation.console.incident.IncidentService;
import org.remediation.console.incident.IncidentSummary;
import org.remediation.console.incident.TimelineItem;
import org.remediation.console.incident.TimelineService;

/** Every event of the incident in order, live, exportable as Markdown. */
@Route("timeline")
@PageTitle("Timeline · Remediation Console")
@Menu(order = 1, title = "Timeline")
@PermitAll
public class TimelineView extends Main implements BeforeEnterObserver {

    private final IncidentService incidents;
    private final TimelineService timeline;
    private @Nullable String selectedKey;

    public TimelineView(IncidentService incidents, TimelineService timeline, LiveEvents live) {
        this.incidents = incidents;
        this.timeline = timeline;
        addClassName("page");
        LiveSubscription.bind(this, live, IncidentChanged.class, e -> render());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        selectedKey = event.getLocation().getQueryParameters().getSingleParameter("incident").orElse(null);
        render();
    }

    private void render() {
        removeAll();
        Optional<IncidentSummary> shown = selectedKey == null ? incidents.current() : incidents.find(selectedKey);
        if (shown.isEmpty()) {
            add(new H1("No incident is open"));
            return;
        }
        String key = shown.get().key();
        add(new H1("Timeline of " + key));
        DownloadHandler download = event -> {
            event.setFileName(key + "-timeline.md");
            event.setContentType("text/markdown");
            event.getOutputStream().write(timeline.markdown(key).getBytes(StandardCharsets.UTF_8));
        };
        Anchor export = new Anchor(download, "Download as Markdown");
        export.setId("timeline-export");
        Button copy = Clipboard.button("Copy as Markdown", () -> timeline.markdown(key));
        copy.setId("timeline-copy");
        add(new Div(export, copy));
        Div list = new Div();
        list.setId("timeline");
        list.addClassName("timeline");
        for (TimelineItem item : timeline.entries(key)) {
            Span when = new Span(HumanTime.time(item.at()));
            when.addClassName("timeline-time");
            Span who = new Span(item.actor());
            who.addClassName("timeline-actor");
            Div row = new Div(when, who, new Span(item.text()));
            row.addClassName("timeline-row");
            if (item.loud()) {
                row.addClassName("timeline-loud");
            }
            list.add(row);
        }
        if (list.getChildren().findAny().isEmpty()) {
            list.add(new Paragraph("Nothing has happened yet."));
        }
        add(list);
    }
}
