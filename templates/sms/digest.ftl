<#-- Parameters of the Aliyun template for the morning digest of messages over a citizen's daily cap (sandbox text:
     您有${count}条政府信息：${titles}，详见政府网站。${hint}). -->
<#assign titles = digest.items?map(i -> "《" + (i.title?length gt 15)?then(i.title[0..13] + "…", i.title) + "》")?join("")>
<@field name="count">${digest.count}</@field>
<@field name="titles">${titles}</@field>
<@field name="hint">${optOutHint}</@field>
