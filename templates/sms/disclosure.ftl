<#-- Parameters of the Aliyun template for disclosures (sandbox text: ${issuer}发布《${title}》，详见政府网站${link}。回复本短信可提意见，${hint}).
     Each <@field> is one template parameter, rendered on its own (the hub sends them to Aliyun as a JSON
     object of strings); keep each value short. When the document has a published
     interpretation, the hint mentions it (the push of one offers the other). -->
<#assign title = item.title><#if title?length gt 30><#assign title = title[0..28] + "…"></#if>
<#assign hint = optOutHint><#if related?has_content><#assign hint = "另有政策解读可查阅，" + optOutHint></#if>
<@field name="issuer">${(item.issuer!"本机关")}</@field>
<@field name="title">${title}</@field>
<@field name="hint">${hint}</@field>
<@field name="link"><#if item.link??>：${item.link}</#if></@field>
