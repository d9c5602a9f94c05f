<#-- Shared by wechat/<kind>-correction.ftl: the correction (更正) of a recalled item, as template data and text. -->
<@field name="first">更正：此前推送的信息已撤回</@field>
<@field name="keyword1">${item.title?replace("\\s+", " ", "r")}</@field>
<@field name="keyword2">${item.docNumber!"—"}</@field>
<@field name="keyword3">${item.publishedAt!""}</@field>
<@field name="remark">${item.correction!""}</@field>
<@field name="url">${item.url!""}</@field>
<@field name="text">更正：《${item.title?replace("\\s+", " ", "r")}》已撤回。${item.correction!""}</@field>
