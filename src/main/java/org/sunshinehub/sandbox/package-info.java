/**
 * The provider sandbox: a local stand-in for the providers that speaks their real wire protocols, so the real
 * SDKs are exercised over HTTP in tests and in the demo. Wired by configuration only; nothing imports it. It
 * refuses to start when real provider credentials are configured.
 */
package org.sunshinehub.sandbox;
