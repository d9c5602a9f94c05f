<#-- A WeChat notice telling a participant the 采纳情况 of a consultation is out; see disclosure.ftl. -->
<@field name="first">您参与的意见征集已公布采纳情况</@field>
<@field name="keyword1">${item.title?replace("\\s+", " ", "r")}</@field>
<@field name="keyword2">共收到意见${notice.total}条，采纳或部分采纳${notice.adopted}条</@field>
<@field name="url">${item.link!item.url!""}</@field>
