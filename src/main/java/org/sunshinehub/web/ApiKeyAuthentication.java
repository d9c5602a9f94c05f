package org.sunshinehub.web;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/** A caller known by its API key: a name and scope authorities, no account and no credentials kept. */
final class ApiKeyAuthentication extends AbstractAuthenticationToken {

    private final String name;

    ApiKeyAuthentication(ApiKeys.Caller caller) {
        super(caller.scopes().stream().map(ApiScope::granted).toList());
        this.name = caller.name();
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public Object getPrincipal() {
        return name;
    }
}
