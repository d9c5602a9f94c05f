<#-- An app notification telling a participant the 采纳情况 is out; see disclosure.ftl. -->
<@field name="title">意见采纳情况</@field>
<@field name="alert">您对《${item.title?replace("\\s+", " ", "r")}》提出的意见已收到，共收到意见${notice.total}条，采纳或部分采纳${notice.adopted}条。</@field>
<@field name="url">${item.link!item.url!""}</@field>
