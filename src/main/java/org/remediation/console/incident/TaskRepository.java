package org.remediation.console.incident;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** Rows of {@link Task}; used only by this feature's services. */
interface TaskRepository extends JpaRepository<Task, Long> {
    List<Task> findByPhaseIdOrderBySortOrderAscIdAsc(long phaseId);
}
