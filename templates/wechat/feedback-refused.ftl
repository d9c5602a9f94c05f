<#-- A WeChat notice telling a citizen their message was not taken; see disclosure.ftl. -->
<@field name="first">${notice.reason}</@field>
<@field name="keyword1">${item.title?replace("\\s+", " ", "r")}</@field>
<@field name="url">${item.link!item.url!""}</@field>
