/**
 * Operator-edited configuration files under {@code sunshine.config-dir} (negative list, review levels, ...):
 * read as YAML, reloaded when they change on disk, with the copies inside the jar as defaults.
 */
package org.sunshinehub.config;
