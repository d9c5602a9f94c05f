<#-- An app notification telling a citizen their feedback was not taken; see disclosure.ftl. -->
<@field name="title">意见未能受理</@field>
<@field name="alert">${notice.reason}</@field>
<@field name="url">${item.link!item.url!""}</@field>
