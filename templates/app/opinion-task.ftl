<#-- An app notification to a division's contact about an opinion task; see disclosure.ftl. -->
<@field name="title">舆情回应任务${notice.what}</@field>
<@field name="alert">${item.title?replace("\\s+", " ", "r")}。${notice.deadline}。任务码${notice.code}</@field>
<@field name="url">${item.url!""}</@field>
