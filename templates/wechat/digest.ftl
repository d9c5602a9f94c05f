<#-- The morning digest on WeChat (messages over the daily cap); see disclosure.ftl for the format. -->
first: 您有${digest.count}条政府信息
keyword1: <#list digest.items as i>《${i.title?replace("\\s+", " ", "r")}》</#list>
remark: 详见政府网站。
url: ${digest.items[0].url}
text: 您有${digest.count}条政府信息：<#list digest.items as i>《${i.title?replace("\\s+", " ", "r")}》</#list>
