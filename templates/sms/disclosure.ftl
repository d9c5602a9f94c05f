<#-- Parameters of the Aliyun template for disclosures (sandbox text: ${issuer}发布《${title}》，详见政府网站。回复本短信可提意见，${hint}).
     Aliyun wants a JSON object of string values; keep each value short. -->
<#assign title = item.title><#if title?length gt 30><#assign title = title[0..28] + "…"></#if>
{"issuer":"${(item.issuer!"本机关")?json_string}","title":"${title?json_string}","hint":"${optOutHint?json_string}"}
