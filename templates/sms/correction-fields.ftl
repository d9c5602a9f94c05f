<#-- Shared by sms/<kind>-correction.ftl: the correction text staff gave, cut to fit one template parameter. -->
<#assign title = item.title><#if title?length gt 30><#assign title = title[0..28] + "…"></#if>
<#assign correction = item.correction!""><#if correction?length gt 60><#assign correction = correction[0..58] + "…"></#if>
<@field name="title">${title}</@field>
<@field name="correction">${correction}</@field>
<@field name="hint">${optOutHint}</@field>
