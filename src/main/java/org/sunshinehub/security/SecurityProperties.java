package org.sunshinehub.security;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code sunshine.security.*}.
 *
 * @param maxFailures   this many failed sign-ins within {@code failureWindow} lock an account
 * @param lockFor       how long a locked account stays locked
 * @param demoAccounts  create one account per role on an empty database, with printed passwords (the demo)
 */
@Validated
@ConfigurationProperties("sunshine.security")
record SecurityProperties(@Min(1) @DefaultValue("5") int maxFailures,
                          @NotNull @DefaultValue("15m") Duration failureWindow,
                          @NotNull @DefaultValue("15m") Duration lockFor,
                          @DefaultValue("false") boolean demoAccounts) {
}
