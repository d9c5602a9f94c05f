<#-- The morning digest in the app (messages over the daily cap); see disclosure.ftl. -->
<@field name="title">您有${digest.count}条政府信息</@field>
<@field name="alert"><#list digest.items as i>《${i.title?replace("\\s+", " ", "r")}》</#list></@field>
<@field name="url">${digest.items[0].url}</@field>
