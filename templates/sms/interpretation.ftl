<#-- Parameters of the Aliyun template for policy interpretations (sandbox text: ${issuer}发布政策解读《${title}》，详见政府网站${link}。${hint}). -->
<#assign title = item.title><#if title?length gt 30><#assign title = title[0..28] + "…"></#if>
<@field name="issuer">${(item.issuer!"本机关")}</@field>
<@field name="title">${title}</@field>
<@field name="hint">${optOutHint}</@field>
<@field name="link"><#if item.link??>：${item.link}</#if></@field>
