<#-- Parameters of the Aliyun template telling participants the 采纳情况 is out (sandbox text:
     您对《${title}》提出的意见已收到，共收到意见${total}条，采纳或部分采纳${adopted}条，采纳情况已在政府网站公布。) -->
<#assign title = item.title><#if title?length gt 30><#assign title = title[0..28] + "…"></#if>
<@field name="title">${title}</@field>
<@field name="total">${notice.total}</@field>
<@field name="adopted">${notice.adopted}</@field>
