<#-- An app notification reminding subscribers a consultation closes soon; see disclosure.ftl. -->
<@field name="title">征求意见即将截止</@field>
<@field name="alert">《${item.title?replace("\\s+", " ", "r")}》公开征求意见将于${item.closesAt!""}截止。</@field>
<@field name="url">${item.link!item.url!""}</@field>
