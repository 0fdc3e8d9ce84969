package org.remediation.console.security;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Loads local accounts for password sign-in; a disabled account is refused by Spring Security. */
@Component
class ConsoleUserDetailsService implements UserDetailsService {

    private final UserRepository users;

    ConsoleUserDetailsService(UserRepository users) {
        this.users = users;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        UserAccount account = users.findByUsername(username)
                .filter(a -> !a.isSso()) // signs in only through its provider: no password works for it
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
        return User.withUsername(account.getUsername())
                .password(account.getPasswordHash())
                .authorities(account.getRoles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.name()))
                        .toList())
                .disabled(!account.isEnabled())
                .build();
    }
}
