<#-- An app notification for an opinion solicitation; see disclosure.ftl. -->
<@field name="title">公开征求意见</@field>
<@field name="alert">《${item.title?replace("\\s+", " ", "r")}》公开征求意见，截止${item.closesAt!""}，欢迎在应用内提出意见。</@field>
<@field name="url">${item.link!item.url!""}</@field>
