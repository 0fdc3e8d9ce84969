package org.remediation.console.api;

import java.util.List;
import org.remediation.console.base.identity.CurrentUser;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the token acts for, with which roles now: the first call a script makes to check its setup. */
@RestController
@RequestMapping("/api/v1/me")
class MeController {

    /** The token's owner and the roles it acts with (its own intersected with the owner's current roles). */
    record Me(String username, List<String> roles) {
    }

    @GetMapping
    Me me(Authentication authentication) {
        return new Me(CurrentUser.require(), authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring("ROLE_".length())).sorted().toList());
    }
}
