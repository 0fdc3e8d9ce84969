package org.remediation.console.probe;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface TargetRepository extends JpaRepository<TargetEntity, Long> {

    Optional<TargetEntity> findByKey(String key);

    boolean existsByKey(String key);

    List<TargetEntity> findAllByOrderByKey();
}
