<#-- A WeChat template message (模板消息) for a disclosure: one "key: value" per line — the template's data keys,
     url (the link it opens) and text (what a mass send says instead). Keep each value on one line. -->
first: ${(item.issuer!"本机关")}发布了新的政府信息
keyword1: ${item.title?replace("\\s+", " ", "r")}
keyword2: ${item.docNumber!"—"}
keyword3: ${item.publishedAt!""}
remark: <#if related?has_content>另有政策解读可查阅。</#if>如有意见，请直接在公众号留言（回复“#${replyCode!""} 意见”）。
url: ${item.url!""}
text: ${(item.issuer!"本机关")}发布《${item.title?replace("\\s+", " ", "r")}》。${item.url!""}
