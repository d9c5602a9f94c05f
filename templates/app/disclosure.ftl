<#-- An app notification (JPush): fields title, alert (the text shown) and url (opened on tap), each a
     <@field name="…">…</@field> rendered on its own. -->
<@field name="title">${(item.issuer!"政务公开")}</@field>
<@field name="alert">${(item.issuer!"本机关")}发布《${item.title?replace("\\s+", " ", "r")}》<#if related?has_content>，另有政策解读可查阅</#if></@field>
<@field name="url">${item.link!item.url!""}</@field>
