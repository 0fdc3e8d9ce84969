package org.remediation.console.incident;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** Rows of {@link SignOff}; used only by this feature's services. */
interface SignOffRepository extends JpaRepository<SignOff, Long> {
    List<SignOff> findByPhaseIdOrderBySignedAtDesc(long phaseId);
}
