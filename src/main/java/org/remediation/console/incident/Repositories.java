package org.remediation.console.incident;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface IncidentRepository extends JpaRepository<Incident, Long> {
    Optional<Incident> findByKey(String key);
    List<Incident> findAllByOrderByStartedAtDesc();
    Optional<Incident> findFirstByPinnedTrue();
}

interface PhaseRepository extends JpaRepository<Phase, Long> {
    List<Phase> findByIncidentIdOrderBySortOrder(long incidentId);
}

interface TaskRepository extends JpaRepository<Task, Long> {
    List<Task> findByPhaseIdOrderBySortOrderAscIdAsc(long phaseId);
}

interface CriterionRepository extends JpaRepository<Criterion, Long> {
    List<Criterion> findByPhaseIdOrderBySortOrder(long phaseId);
}

interface SignOffRepository extends JpaRepository<SignOff, Long> {
    List<SignOff> findByPhaseIdOrderBySignedAtDesc(long phaseId);
}

interface TimelineRepository extends JpaRepository<TimelineEntry, Long> {
    List<TimelineEntry> findByIncidentIdOrderByOccurredAtAscIdAsc(long incidentId);
}
