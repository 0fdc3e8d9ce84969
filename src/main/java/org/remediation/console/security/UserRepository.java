package org.remediation.console.security;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface UserRepository extends JpaRepository<UserAccount, Long> {

    Optional<UserAccount> findByUsername(String username);

    boolean existsByUsername(String username);

    List<UserAccount> findAllByOrderByUsername();

    @Modifying
    @Query("update UserAccount u set u.failedAttempts = u.failedAttempts + 1 where u.username = :username")
    int incrementFailures(@Param("username") String username);

    @Query("select u.failedAttempts from UserAccount u where u.username = :username")
    Optional<Integer> failures(@Param("username") String username);

    @Modifying
    @Query("update UserAccount u set u.failedAttempts = 0, u.lockedUntil = :until where u.username = :username")
    int lockUntil(@Param("username") String username, @Param("until") @Nullable Instant until);

    @Query("select count(u) > 0 from UserAccount u join u.roles r where r = :role and u.enabled = true")
    boolean existsEnabledWithRole(@Param("role") Role role);
}
