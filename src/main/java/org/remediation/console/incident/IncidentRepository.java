package org.remediation.console.incident;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Rows of {@link Incident}; used only by this feature's services. */
interface IncidentRepository extends JpaRepository<Incident, Long> {
    Optional<Incident> findByKey(String key);
    List<Incident> findAllByOrderByStartedAtDesc();
    Optional<Incident> findFirstByPinnedTrue();
}
