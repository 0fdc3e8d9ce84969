package org.remediation.console.security;

import java.util.List;
import java.util.Optional;
import java.time.Instant;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ApiTokenRepository extends JpaRepository<ApiToken, Long> {

    Optional<ApiToken> findByTokenHash(String tokenHash);

    List<ApiToken> findByOwnerUsernameOrderByCreatedAtDesc(String username);

    List<ApiToken> findAllByOrderByCreatedAtDesc();

    @Modifying
    @Query("update ApiToken t set t.lastUsedAt = :at where t.id = :id and (t.lastUsedAt is null or t.lastUsedAt < :before)")
    int markUsed(@Param("id") Long id, @Param("at") Instant at, @Param("before") Instant before);
}
