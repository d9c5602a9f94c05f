<#-- Shared by app/<kind>-correction.ftl: the correction (更正) of a recalled item, for devices whose push JPush
     would no longer withdraw. -->
<@field name="title">更正</@field>
<@field name="alert">《${item.title?replace("\\s+", " ", "r")}》已撤回。${item.correction!""}</@field>
<@field name="url">${item.url!""}</@field>
