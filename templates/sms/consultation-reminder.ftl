<#-- Parameters of the Aliyun template reminding subscribers a consultation closes soon (sandbox text:
     《${title}》公开征求意见将于${closesAt}截止，${link}尚未提出意见的可直接回复本短信，${hint}). -->
<#assign title = item.title><#if title?length gt 30><#assign title = title[0..28] + "…"></#if>
<@field name="title">${title}</@field>
<@field name="closesAt">${(item.closesAt!"")}</@field>
<@field name="hint">${optOutHint}</@field>
<@field name="link"><#if item.link??>在线提交：${item.link}，</#if></@field>
