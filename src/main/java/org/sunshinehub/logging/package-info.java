/**
 * What every log line goes through, whichever logger wrote it (ours, WxJava, the Aliyun SDK, OkHttp, Tomcat):
 * {@code logback-spring.xml} replaces the message and exception conversion words of Spring Boot's default
 * pattern with converters that mask secrets, phone numbers and openids and show control characters as escapes.
 */
package org.sunshinehub.logging;
