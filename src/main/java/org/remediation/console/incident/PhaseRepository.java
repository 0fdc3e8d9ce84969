package org.remediation.console.incident;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** Rows of {@link Phase}; used only by this feature's services. */
interface PhaseRepository extends JpaRepository<Phase, Long> {
    List<Phase> findByIncidentIdOrderBySortOrder(long incidentId);
}
