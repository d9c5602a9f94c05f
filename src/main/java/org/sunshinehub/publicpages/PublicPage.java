package org.sunshinehub.publicpages;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks a controller of public pages: its errors are shown as a citizen's page. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@interface PublicPage {
}
