/**
 * Plain-text guards every module shares: what an item, a file or a provider brings in is stripped of control
 * characters (CR, LF, NUL, ANSI escapes, other C0/C1 controls, bidirectional overrides) before it reaches a
 * template, a provider or a log line.
 */
package org.sunshinehub.text;
