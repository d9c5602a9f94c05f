<#-- Parameters of the Aliyun template for consultations (sandbox text: ${issuer}就《${title}》公开征求意见，截止${closesAt}，${link}回复本短信即可提出意见，${hint}). -->
<#assign title = item.title><#if title?length gt 30><#assign title = title[0..28] + "…"></#if>
<@field name="issuer">${(item.issuer!"本机关")}</@field>
<@field name="title">${title}</@field>
<@field name="closesAt">${(item.closesAt!"")}</@field>
<@field name="hint">${optOutHint}</@field>
<@field name="link"><#if item.link??>在线提交：${item.link}，</#if></@field>
