<#-- A Weibo post announcing a consultation's 采纳情况; see disclosure.ftl. -->
【意见采纳情况】${item.title?replace("\\s+", " ", "r")}：共收到意见${notice.total}条，采纳或部分采纳${notice.adopted}条。${item.url!""}
