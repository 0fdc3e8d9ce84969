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

    /** Marks a service account for the sign-in form, which refuses it; no rule elsewhere grants it anything. */
    static final String SERVICE_ACCOUNT = org.remediation.console.base.identity.CurrentUser.SERVICE_ACCOUNT;

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
                .authorities(java.util.stream.Stream.concat(
                        account.getRoles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())),
                        account.isService() ? java.util.stream.Stream.of(new SimpleGrantedAuthority(SERVICE_ACCOUNT))
                                : java.util.stream.Stream.empty()).toList())
                .disabled(!account.isEnabled())
                .build();
    }
}
