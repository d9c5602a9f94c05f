<#-- A WeChat template message for a policy interpretation (政策解读); see disclosure.ftl. -->
<@field name="first">${(item.issuer!"本机关")}发布政策解读</@field>
<@field name="keyword1">${item.title?replace("\\s+", " ", "r")}</@field>
<@field name="keyword2">${item.publishedAt!""}</@field>
<@field name="remark"><#if related?has_content>所解读的文件：${related[0].title}。</#if></@field>
<@field name="url">${item.link!item.url!""}</@field>
<@field name="text">${(item.issuer!"本机关")}发布政策解读《${item.title?replace("\\s+", " ", "r")}》。${item.url!""}</@field>
