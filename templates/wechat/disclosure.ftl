<#-- A WeChat template message (模板消息) for a disclosure: one <@field name="…">…</@field> per value — the template's
     data keys, url (the link it opens) and text (what a mass send says instead). Each field is rendered on its own
     and kept on one line, so nothing an item holds can add or replace a field. -->
<@field name="first">${(item.issuer!"本机关")}发布了新的政府信息</@field>
<@field name="keyword1">${item.title?replace("\\s+", " ", "r")}</@field>
<@field name="keyword2">${item.docNumber!"—"}</@field>
<@field name="keyword3">${item.publishedAt!""}</@field>
<@field name="remark"><#if related?has_content>另有政策解读可查阅。</#if>如有意见，请直接在公众号留言（回复“#${replyCode!""} 意见”）。</@field>
<@field name="url">${item.link!item.url!""}</@field>
<@field name="text">${(item.issuer!"本机关")}发布《${item.title?replace("\\s+", " ", "r")}》。${item.url!""}</@field>
