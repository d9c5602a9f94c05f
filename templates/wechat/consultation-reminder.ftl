<#-- A WeChat template message reminding followers a consultation closes soon; see disclosure.ftl. -->
first: 公开征求意见即将截止
keyword1: ${item.title?replace("\\s+", " ", "r")}
keyword2: 截止${item.closesAt!""}
remark: 尚未提出意见的，可回复“#${replyCode!""} 您的意见”。
url: ${item.url!""}
