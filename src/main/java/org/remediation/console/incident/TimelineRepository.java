package org.remediation.console.incident;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** Rows of {@link TimelineEntry}; used only by this feature's services. */
interface TimelineRepository extends JpaRepository<TimelineEntry, Long> {
    List<TimelineEntry> findByIncidentIdOrderByOccurredAtAscIdAsc(long incidentId);
}
