<#-- The morning digest in the app (messages over the daily cap); see disclosure.ftl. -->
title: 您有${digest.count}条政府信息
alert: <#list digest.items as i>《${i.title?replace("\\s+", " ", "r")}》</#list>
url: ${digest.items[0].url}
