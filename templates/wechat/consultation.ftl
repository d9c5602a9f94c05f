<#-- A WeChat template message for an opinion solicitation (意见征集); see disclosure.ftl for the format. -->
<@field name="first">${(item.issuer!"本机关")}公开征求意见</@field>
<@field name="keyword1">${item.title?replace("\\s+", " ", "r")}</@field>
<@field name="keyword2">截止${item.closesAt!""}</@field>
<@field name="remark">在公众号回复“#${replyCode!""} 您的意见”即可提出意见。</@field>
<@field name="url">${item.link!item.url!""}</@field>
<@field name="text">${(item.issuer!"本机关")}就《${item.title?replace("\\s+", " ", "r")}》公开征求意见，截止${item.closesAt!""}，回复“#${replyCode!""} 您的意见”即可提出。</@field>
