/**
 * What every HTTP endpoint shares: the API key on {@code /api/**}, the request-body cap, problem+json errors
 * without stack traces, and times written in Beijing time.
 */
package org.sunshinehub.web;
