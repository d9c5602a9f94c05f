<#-- A WeChat template message reminding followers a consultation closes soon; see disclosure.ftl. -->
<@field name="first">公开征求意见即将截止</@field>
<@field name="keyword1">${item.title?replace("\\s+", " ", "r")}</@field>
<@field name="keyword2">截止${item.closesAt!""}</@field>
<@field name="remark">尚未提出意见的，可回复“#${replyCode!""} 您的意见”。</@field>
<@field name="url">${item.link!item.url!""}</@field>
