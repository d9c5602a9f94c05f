/**
 * What every HTTP endpoint shares: the one authentication gate (Spring Security: firewall, scoped API keys and
 * staff accounts on {@code /api/**}, open callbacks and probes), callback guards run before a body is read,
 * request-body caps and timeouts by routed path, problem+json errors without stack traces (also Tomcat's own),
 * sane dates, and times written in Beijing time.
 */
package org.sunshinehub.web;
