package org.remediation.console.security;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface UserRepository extends JpaRepository<UserAccount, Long> {

    Optional<UserAccount> findByUsername(String username);

    boolean existsByUsername(String username);

    Optional<UserAccount> findBySsoIssuerAndSsoSubject(String ssoIssuer, String ssoSubject);

    List<UserAccount> findAllByOrderByUsername();

    @Query("select count(u) > 0 from UserAccount u join u.roles r where r = :role and u.enabled = true")
    boolean existsEnabledWithRole(@Param("role") Role role);
}
