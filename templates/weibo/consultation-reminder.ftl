<#-- A Weibo post reminding the public a consultation closes soon; see disclosure.ftl. -->
【征求意见即将截止】${item.title?replace("\\s+", " ", "r")}，截止${item.closesAt!""}。${item.url!""}
