/**
 * Staff accounts ({@code staffAccounts}) with their roles and review levels, the console's sign-in (form login,
 * session cookie, CSRF, lock-out, forced password change) and the append-only audit log ({@code auditEvents}).
 * Public surface: {@link org.sunshinehub.security.StaffAccount}, {@link org.sunshinehub.security.Role},
 * {@link org.sunshinehub.security.StaffAccounts}, {@link org.sunshinehub.security.Staff} (who is signed in) and
 * {@link org.sunshinehub.security.AuditLog}.
 */
package org.sunshinehub.security;
