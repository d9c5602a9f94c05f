/**
 * The channels the office pushes on (SMS, WeChat, app, Weibo). A module of its own because everyone names
 * them: subscribers have one identity per channel, the delivery engine routes by them, and each channel adapter
 * says which one it is. Keeping the enum here lets {@code dispatch} and {@code audience} use it without depending
 * on a channel implementation.
 */
package org.sunshinehub.channelkind;
