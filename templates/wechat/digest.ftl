<#-- The morning digest on WeChat (messages over the daily cap); see disclosure.ftl for the format. -->
<@field name="first">您有${digest.count}条政府信息</@field>
<@field name="keyword1"><#list digest.items as i>《${i.title?replace("\\s+", " ", "r")}》</#list></@field>
<@field name="remark">详见政府网站。</@field>
<@field name="url">${digest.items[0].url}</@field>
<@field name="text">您有${digest.count}条政府信息：<#list digest.items as i>《${i.title?replace("\\s+", " ", "r")}》</#list></@field>
