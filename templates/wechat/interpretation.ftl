<#-- A WeChat template message for a policy interpretation (政策解读); see disclosure.ftl. -->
first: ${(item.issuer!"本机关")}发布政策解读
keyword1: ${item.title?replace("\\s+", " ", "r")}
keyword2: ${item.publishedAt!""}
remark: <#if related?has_content>所解读的文件：${related[0].title}。</#if>
url: ${item.url!""}
text: ${(item.issuer!"本机关")}发布政策解读《${item.title?replace("\\s+", " ", "r")}》。${item.url!""}
