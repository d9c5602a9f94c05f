<#-- A Weibo post for an opinion solicitation; see disclosure.ftl. -->
【公开征求意见】${item.title?replace("\\s+", " ", "r")}，截止${item.closesAt!""}，欢迎评论提出意见。${item.url!""}
