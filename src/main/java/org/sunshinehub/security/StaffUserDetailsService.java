package org.sunshinehub.security;

import java.time.Clock;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Staff accounts as Spring Security users: the console's form login and the API's HTTP Basic both use it. */
@Component
class StaffUserDetailsService implements UserDetailsService {

    private final StaffAccountStore store;
    private final Clock clock;

    StaffUserDetailsService(StaffAccountStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        StaffAccount account = store.find(username).orElseThrow(() -> new UsernameNotFoundException("no such account"));
        return User.withUsername(account.username()).password(account.passwordHash())
                .authorities(account.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList())
                .disabled(!account.enabled()).accountLocked(account.lockedAt(clock.instant())).build();
    }
}
