<#-- An app notification for a policy interpretation; see disclosure.ftl. -->
<@field name="title">政策解读</@field>
<@field name="alert">${(item.issuer!"本机关")}发布政策解读《${item.title?replace("\\s+", " ", "r")}》</@field>
<@field name="url">${item.link!item.url!""}</@field>
