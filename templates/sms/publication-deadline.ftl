<#-- Parameters of the Aliyun template for 条例第二十六条 publication-deadline notices to the drafting division
     (sandbox text: ${what}：《${title}》${deadline}。). notice.what: 提醒 / 逾期; notice.deadline: what is due when. -->
<#assign title = item.title><#if title?length gt 30><#assign title = title[0..28] + "…"></#if>
<@field name="what">${notice.what}</@field>
<@field name="title">${title}</@field>
<@field name="deadline">${notice.deadline}</@field>
