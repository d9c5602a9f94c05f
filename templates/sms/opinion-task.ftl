<#-- Parameters of the Aliyun template for opinion-task notices (sandbox text: ${what}：${title}。${deadline}。任务码${code}).
     notice.what: 交办 / 提醒 / 逾期; notice.deadline: what is due when; notice.code: the task code. -->
<#assign title = item.title><#if title?length gt 30><#assign title = title[0..28] + "…"></#if>
<@field name="what">${notice.what}</@field>
<@field name="title">${title}</@field>
<@field name="deadline">${notice.deadline}</@field>
<@field name="code">${notice.code}</@field>
