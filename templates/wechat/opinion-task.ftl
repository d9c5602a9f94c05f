<#-- A WeChat notice to a division's contact about an opinion task (交办 / 提醒 / 逾期); see disclosure.ftl. -->
<@field name="first">舆情回应任务${notice.what}</@field>
<@field name="keyword1">${item.title?replace("\\s+", " ", "r")}</@field>
<@field name="keyword2">${notice.deadline}</@field>
<@field name="remark">任务码${notice.code}，办结后回复“${notice.code} 已阅”确认。</@field>
<@field name="url">${item.url!""}</@field>
