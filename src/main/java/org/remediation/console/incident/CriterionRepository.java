package org.remediation.console.incident;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** Rows of {@link Criterion}; used only by this feature's services. */
interface CriterionRepository extends JpaRepository<Criterion, Long> {
    List<Criterion> findByPhaseIdOrderBySortOrder(long phaseId);
}
