/**
 * The office's app: pushes through JPush (极光推送) Push API v3, and the API the app's backend calls
 * ({@code /api/app/**}, with its own keys) to register devices, choose topics, opt out and send feedback.
 */
package org.sunshinehub.channel.app;
